namespace School.Domain.Common;

/// <summary>Base of every entity: identity is a GUID (version 7, so new rows sort by creation time).</summary>
public abstract class Entity
{
    protected Entity(Guid id)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("An entity needs an id.", nameof(id));
        }

        Id = id;
    }

    public Guid Id { get; private set; }
}
