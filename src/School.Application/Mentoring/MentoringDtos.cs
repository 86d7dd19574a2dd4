using School.Application.Common.Models;
using School.Domain.Mentoring;

namespace School.Application.Mentoring;

/// <summary>A mentor as the school sees them: who, what kind, and how many more mentees their allowance takes.</summary>
public sealed record MentorDto(
    Guid Id,
    string Name,
    MentorKind Kind,
    int WeeklyAllowanceMinutes,
    int Capacity,
    int Mentees,
    int PlacesLeft,
    Guid? SupervisorId,
    DateOnly? TrainedOn,
    bool IsActive,
    uint Version);

public sealed record MentorPreferencesDto(Guid StudentId, IReadOnlyList<PersonRef> Mentors, bool NoPreference, bool GuardianMayAttend, DateTimeOffset? RankedAt, uint Version);

public sealed record MentorAssignmentDto(
    Guid Id, PersonRef Mentor, AssignmentSource Source, int? Rank, string? Reason, Guid? AssignedBy, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

public sealed record CheckInPolicyDto(int MinCheckInsPerHalfTerm, int MinMinutes, int RemindDaysAhead, int MinutesPerMenteePerWeek, uint Version)
{
    public static CheckInPolicyDto From(CheckInPolicy p) => new(p.MinCheckInsPerHalfTerm, p.MinMinutes, p.RemindDaysAhead, p.MinutesPerMenteePerWeek, p.Version);
}

/// <summary>A check-in. <see cref="PrivateNotes"/> is filled only for the child's mentor and the pastoral lead.</summary>
public sealed record CheckInDto(
    Guid Id,
    Guid StudentId,
    PersonRef? Mentor,
    DateOnly HalfTermStart,
    DateOnly HalfTermEnd,
    int Sequence,
    DateOnly DueOn,
    DateTimeOffset? SuggestedStart,
    CheckInStatus Status,
    DateTimeOffset? HeldAt,
    int? Minutes,
    bool Counts,
    string? StudentSummary,
    bool GuardianAttended,
    string? PrivateNotes,
    uint Version)
{
    public static CheckInDto From(CheckIn c, PersonRef? mentor, bool withPrivateNotes) => new(
        c.Id, c.StudentId, mentor, c.HalfTermStart, c.HalfTermEnd, c.Sequence, c.DueOn, c.SuggestedStart, c.Status, c.HeldAt, c.Minutes,
        c.Counts, c.StudentSummary, c.GuardianAttended, withPrivateNotes ? c.PrivateNotes : null, c.Version);
}

public sealed record CheckInBriefDto(Guid Id, int Sequence, DateOnly DueOn, DateTimeOffset? SuggestedStart, CheckInStatus Status, DateTimeOffset? HeldAt, int? Minutes, bool Counts);

/// <summary>One of a mentor's mentees, with the check-in coming up and the last one held.</summary>
public sealed record MenteeDto(
    Guid StudentId,
    string Name,
    int YearGroup,
    bool GuardianMayAttend,
    CheckInBriefDto? NextCheckIn,
    CheckInBriefDto? LastCheckIn,
    int CountedThisHalfTerm,
    int RequiredPerHalfTerm);

/// <summary>How one student fared in a matching run.</summary>
public sealed record MatchDto(Guid StudentId, Guid? MentorId, int? Rank, string Reason);

/// <summary>What a matching run did: how many got their first, second or third choice, how many were placed without one, and why.</summary>
public sealed record MatchingResultDto(
    int Considered,
    int Assigned,
    int FirstChoice,
    int SecondChoice,
    int ThirdChoice,
    int NoPreferencePlaced,
    int PlacedOutsideChoices,
    int Unassigned,
    IReadOnlyList<MatchDto> Students);
