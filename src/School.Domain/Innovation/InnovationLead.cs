using School.Domain.Common;

namespace School.Domain.Innovation;

/// <summary>A person who runs Next Practice projects for a partnership, a local authority or a national programme.</summary>
public sealed class InnovationLead : Entity
{
    private InnovationLead(Guid id, string name, string organisation) : base(id)
    {
        Name = name;
        Organisation = organisation;
    }

    public string Name { get; private set; }

    public string Organisation { get; private set; }

    public static InnovationLead Create(Guid id, string name, string organisation) =>
        new(id, Guard.Text(name, nameof(name), 200), Guard.Text(organisation, nameof(organisation), 200));
}
