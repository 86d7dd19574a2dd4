using School.Domain.Common;

namespace School.Domain.Timetabling;

/// <summary>Where learning happens: on site, or off site at a partner school, a college, an employer or a community venue.</summary>
public enum SettingKind
{
    OnSite,
    PartnerSchool,
    College,
    Employer,
    CommunityVenue,
}

/// <summary>A room or setting with a capacity.</summary>
public sealed class Room : Entity
{
    private Room(Guid id, Guid schoolId, string name, int capacity, SettingKind setting) : base(id)
    {
        SchoolId = schoolId;
        Name = name;
        Capacity = capacity;
        Setting = setting;
    }

    public Guid SchoolId { get; private set; }

    public string Name { get; private set; }

    public int Capacity { get; private set; }

    public SettingKind Setting { get; private set; }

    /// <summary>For an off-site setting, where it is.</summary>
    public string? Address { get; private set; }

    public bool IsOffSite => Setting != SettingKind.OnSite;

    public static Room Create(Guid id, Guid schoolId, string name, int capacity, SettingKind setting, string? address = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new Room(id, schoolId, Guard.Text(name, nameof(name), 100), capacity, setting)
        {
            Address = Guard.OptionalText(address, nameof(address), 300),
        };
    }
}
