using School.Domain.Common;

namespace School.Domain.Mentoring;

/// <summary>
/// What a student said about mentoring: up to three mentors they would like, best first (or no preference), and
/// whether they want a guardian to sit in on their check-ins. One per student; the id is the student's id.
/// </summary>
public sealed class MentoringPreference : Entity
{
    public const int MaxChoices = 3;

    private readonly List<Guid> _rankedMentorIds = [];

    private MentoringPreference(Guid id, Guid schoolId) : base(id) => SchoolId = schoolId;

    public Guid SchoolId { get; private set; }

    public Guid StudentId => Id;

    public IReadOnlyList<Guid> RankedMentorIds => _rankedMentorIds;

    /// <summary>True when the student said any mentor will do; the ranking is then empty.</summary>
    public bool NoPreference { get; private set; }

    /// <summary>Only when the student wants it may a guardian sit in on a check-in.</summary>
    public bool GuardianMayAttend { get; private set; }

    public DateTimeOffset? RankedAt { get; private set; }

    public uint Version { get; private set; }

    public static MentoringPreference For(Guid studentId, Guid schoolId) => new(studentId, schoolId);

    /// <summary>Records the ranking. The caller has checked each id is an active mentor of the school.</summary>
    public Result Rank(IReadOnlyList<Guid> mentorIds, bool noPreference, DateTimeOffset at)
    {
        if (noPreference && mentorIds.Count > 0)
        {
            return Error.Validation("mentorIds", "Either rank mentors or say you have no preference, not both.");
        }

        if (!noPreference && mentorIds.Count == 0)
        {
            return Error.Validation("mentorIds", "Rank at least one mentor, or say you have no preference.");
        }

        if (mentorIds.Count > MaxChoices)
        {
            return Error.Validation("mentorIds", $"Rank at most {MaxChoices} mentors.");
        }

        if (mentorIds.Distinct().Count() != mentorIds.Count)
        {
            return Error.Validation("mentorIds", "Each mentor can be ranked once.");
        }

        if (mentorIds.Contains(Id))
        {
            return MentoringErrors.OwnMentor;
        }

        _rankedMentorIds.Clear();
        _rankedMentorIds.AddRange(mentorIds);
        NoPreference = noPreference;
        RankedAt = at;
        Version++;
        return Result.Success();
    }

    public void SetGuardianMayAttend(bool mayAttend)
    {
        if (GuardianMayAttend != mayAttend)
        {
            GuardianMayAttend = mayAttend;
            Version++;
        }
    }
}
