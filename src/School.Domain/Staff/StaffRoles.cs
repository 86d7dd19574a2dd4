namespace School.Domain.Staff;

/// <summary>The roles a member of staff can hold; one person often holds several (a teacher who is also a personal tutor).</summary>
[Flags]
#pragma warning disable CA1714 // the enum name reads as a set of roles, which is what it is
public enum StaffRoles
#pragma warning restore CA1714
{
    None = 0,
    SchoolAdmin = 1,
    Teacher = 2,
    TeachingAssistant = 4,
    PersonalTutor = 8,
    Mentor = 16,
    PastoralLead = 32,
}

public static class StaffRoleNames
{
    public static readonly StaffRoles All =
        StaffRoles.SchoolAdmin | StaffRoles.Teacher | StaffRoles.TeachingAssistant |
        StaffRoles.PersonalTutor | StaffRoles.Mentor | StaffRoles.PastoralLead;

    /// <summary>The individual role names set in <paramref name="roles"/>, in a stable order.</summary>
    public static IReadOnlyList<string> Names(StaffRoles roles) =>
        Enum.GetValues<StaffRoles>()
            .Where(r => r != StaffRoles.None && roles.HasFlag(r))
            .Select(r => r.ToString())
            .ToList();

    public static StaffRoles Combine(IEnumerable<StaffRoles> roles) =>
        roles.Aggregate(StaffRoles.None, (all, role) => all | role);
}
