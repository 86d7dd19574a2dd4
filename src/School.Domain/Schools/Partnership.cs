using School.Domain.Common;

namespace School.Domain.Schools;

public enum PartnershipKind
{
    Trust,
    Federation,
    Collaborative,
}

/// <summary>A trust, federation or collaborative of several schools that share some work (joint timetables, field trials).</summary>
public sealed class Partnership : Entity
{
    private Partnership(Guid id, string name, PartnershipKind kind) : base(id)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; private set; }

    public PartnershipKind Kind { get; private set; }

    public static Partnership Create(Guid id, string name, PartnershipKind kind) =>
        new(id, Guard.Text(name, nameof(name), 200), kind);
}
