using School.Domain.Common;

namespace School.Domain.Mentoring;

/// <summary>How a mentor came to be assigned.</summary>
public enum AssignmentSource
{
    /// <summary>The school's matching run (ranked preferences and capacities).</summary>
    Matching,
    /// <summary>A school admin chose the mentor directly.</summary>
    Override,
    /// <summary>Set on the student's record (roster create or update).</summary>
    Roster,
}

/// <summary>One period during which a mentor mentored a student; the history of a child's mentors.</summary>
public sealed class MentorAssignment : Entity
{
    public const int MaxReasonLength = 500;

    private MentorAssignment(Guid id, Guid schoolId, Guid studentId, Guid mentorId, AssignmentSource source, DateTimeOffset startedAt) : base(id)
    {
        SchoolId = schoolId;
        StudentId = studentId;
        MentorId = mentorId;
        Source = source;
        StartedAt = startedAt;
    }

    public Guid SchoolId { get; private set; }

    public Guid StudentId { get; private set; }

    public Guid MentorId { get; private set; }

    public AssignmentSource Source { get; private set; }

    /// <summary>For matching, the rank the mentor had on the student's list (1 = first choice); null otherwise.</summary>
    public int? Rank { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The person (an admin) who made the assignment; null for seeded data.</summary>
    public Guid? AssignedBy { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When another mentor took over (or the mentor was removed); null while current.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsCurrent => EndedAt is null;

    public static MentorAssignment Start(
        Guid id, Guid schoolId, Guid studentId, Guid mentorId, AssignmentSource source, DateTimeOffset at, Guid? assignedBy, string? reason, int? rank = null) =>
        new(id, schoolId, studentId, mentorId, source, at)
        {
            AssignedBy = assignedBy,
            Reason = Guard.OptionalText(reason, nameof(reason), MaxReasonLength),
            Rank = rank,
        };

    public void End(DateTimeOffset at) => EndedAt ??= at;
}
