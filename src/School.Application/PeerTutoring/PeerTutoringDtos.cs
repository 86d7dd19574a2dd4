using School.Domain.PeerTutoring;

namespace School.Application.PeerTutoring;

public sealed record PeerProgrammeDto(
    Guid Id, string Name, string Subject, IReadOnlyList<int> TutorYearGroups, IReadOnlyList<int> TuteeYearGroups, bool AllowSameAge,
    string RequiredTraining, Guid SupervisorId, int MaxTuteesPerTutor, int MinutesPerCredit, bool OnlyAttendedSessionsCount, uint Version)
{
    public static PeerProgrammeDto From(PeerProgramme p) => new(
        p.Id, p.Name, p.Subject, p.TutorYearGroups, p.TuteeYearGroups, p.AllowSameAge, p.RequiredTraining, p.SupervisorId, p.MaxTuteesPerTutor,
        p.MinutesPerCredit, p.OnlyAttendedSessionsCount, p.Version);
}

public sealed record PeerTutorDto(
    Guid Id, Guid ProgrammeId, Guid StudentId, string Name, int YearGroup, int Level, TutorStatus Status, Guid? NominatedBy, DateOnly? TrainedOn,
    bool CanTutor, int ActivePairs, uint Version);

/// <summary>A pair as its tutor sees it: only the tutee's name and year.</summary>
public sealed record PeerPairDto(Guid Id, Guid ProgrammeId, string Subject, Guid TutorId, string TutorName, Guid TuteeId, string TuteeName, int TuteeYearGroup, bool Active);

public sealed record PeerSessionDto(
    Guid Id, Guid PairId, DateOnly Date, int Minutes, bool TuteeAttended, string? Notes, int? TuteeRating, string? TuteeComment, bool Voided,
    IReadOnlyList<SessionRevision>? History, uint Version)
{
    public static PeerSessionDto From(PeerSession s, bool withHistory) => new(
        s.Id, s.PairId, s.Date, s.Minutes, s.TuteeAttended, s.Notes, s.TuteeRating, s.TuteeComment, s.Voided, withHistory ? s.History : null, s.Version);
}

/// <summary>A tutor's credits on a programme: minutes that count under its rule, credits earned, and how many the supervisor endorsed.</summary>
public sealed record PeerCreditsDto(Guid ProgrammeId, string Subject, Guid TutorId, int CountedMinutes, int CreditsEarned, int CreditsEndorsed, int MinutesPerCredit);

/// <summary>Someone's peer tutoring: pairs where they tutor and pairs where they are tutored, with the sessions they share and their credits.</summary>
public sealed record PeerTutoringDto(
    Guid StudentId, IReadOnlyList<PeerPairDto> Pairs, IReadOnlyList<PeerPairDto> TutoredBy, IReadOnlyList<PeerSessionDto> Sessions, IReadOnlyList<PeerCreditsDto> Credits);

/// <summary>
/// My peer tutoring. A pupil: the pairs where they tutor (<see cref="Pairs"/>), where they are tutored, the sessions of those
/// pairs and their credits. A guardian: the same for each child they may see, in <see cref="Children"/>.
/// </summary>
public sealed record MyPeerTutoringDto(
    Guid? StudentId, IReadOnlyList<PeerPairDto> Pairs, IReadOnlyList<PeerPairDto> TutoredBy, IReadOnlyList<PeerSessionDto> Sessions,
    IReadOnlyList<PeerCreditsDto> Credits, IReadOnlyList<PeerTutoringDto> Children);

/// <summary>A candidate tutor for a tutee with the reasons for their place in the ranking.</summary>
public sealed record TutorSuggestionDto(Guid TutorId, string Name, int YearGroup, int Level, int LevelAhead, int YearGap, int FreeSlotsInCommon, int ActivePairs, int Cap, double Score);
