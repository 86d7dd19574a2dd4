using School.Domain.Common;

namespace School.Domain.Schools;

/// <summary>A school: the tenant. Every student, guardian and member of staff belongs to exactly one.</summary>
public sealed class School : Entity
{
    public const string DefaultTimeZone = "Europe/London";

    private School(Guid id, string name, string timeZoneId) : base(id)
    {
        Name = name;
        TimeZoneId = timeZoneId;
    }

    public string Name { get; private set; }

    /// <summary>IANA time zone the school keeps its day in; times are stored in UTC.</summary>
    public string TimeZoneId { get; private set; }

    public Guid? PartnershipId { get; private set; }

    public static School Create(Guid id, string name, string timeZoneId = DefaultTimeZone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId));
        }

        return new School(id, Guard.Text(name, nameof(name), 200), timeZoneId);
    }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public void JoinPartnership(Partnership partnership) => PartnershipId = partnership.Id;
}
