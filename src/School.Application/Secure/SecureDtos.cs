using School.Application.Common.Models;
using School.Domain.Secure;

namespace School.Application.Secure;

/// <summary>A SECURE cycle in a list: its fortnight, who it is for and how far allocation has got.</summary>
public sealed record SecureCycleSummaryDto(
    Guid Id, string Name, DateOnly FortnightStart, DateOnly FortnightEnd, IReadOnlyList<int> YearGroups, int Periods, int PeriodsAllocated);

/// <summary>A SECURE cycle with its four periods and every offer's places.</summary>
public sealed record SecureCycleDto(
    Guid Id, string Name, DateOnly FortnightStart, DateOnly FortnightEnd, IReadOnlyList<int> YearGroups, IReadOnlyList<SecurePeriodDto> Periods, uint Version);

/// <summary>One period: when (the school's local time, <c>HH:mm</c>), its status and its offers.</summary>
public sealed record SecurePeriodDto(
    Guid Id,
    int Sequence,
    string Label,
    Guid? LearningBlockId,
    DateOnly Date,
    string Start,
    string End,
    SecurePeriodStatus Status,
    DateTimeOffset? AllocatedAt,
    IReadOnlyList<SecureOfferDto> Offers);

public sealed record SecureRoomDto(Guid Id, string Name);

/// <summary>
/// An offer and its places: <see cref="Requested"/> pupils asked for by teachers, <see cref="FirstChoices"/> pupils who
/// chose it first, <see cref="Placed"/> once allocated; <see cref="PlacesLeft"/> is the capacity less the placed pupils
/// (allocated) or the requested ones (open).
/// </summary>
public sealed record SecureOfferDto(
    Guid Id, string Subject, PersonRef Teacher, SecureRoomDto? Room, int Capacity, int Requested, int FirstChoices, int Placed, int PlacesLeft);

public sealed record SecureChoiceDto(int Rank, Guid OfferId, string Subject, SecureMode Mode);

/// <summary>A pupil's ranked choices for one period.</summary>
public sealed record SecureChoicesDto(Guid StudentId, Guid PeriodId, IReadOnlyList<SecureChoiceDto> Choices, Guid ChosenBy, DateTimeOffset ChosenAt, uint Version);

public sealed record SecureRequestDto(
    Guid Id, Guid StudentId, Guid PeriodId, Guid OfferId, string Subject, SecureMode Mode, PersonRef RequestedBy, string? Reason, DateTimeOffset RequestedAt);

/// <summary>A pupil's place in a period: the offer, what they do there, how they came to be placed, and their attendance.</summary>
public sealed record SecurePlacementDto(
    Guid Id,
    Guid StudentId,
    Guid PeriodId,
    Guid OfferId,
    string Subject,
    SecureMode? Mode,
    PersonRef Teacher,
    SecureRoomDto? Room,
    PlacementSource Source,
    int? Rank,
    string Reason,
    bool? Present,
    DateTimeOffset? AttendanceRecordedAt);

/// <summary>One period as a pupil sees it: their choices, a teacher's request for them, and their place once allocated.</summary>
public sealed record StudentSecurePeriodDto(
    Guid CycleId,
    string CycleName,
    Guid PeriodId,
    int Sequence,
    string Label,
    DateOnly Date,
    string Start,
    string End,
    SecurePeriodStatus Status,
    IReadOnlyList<SecureChoiceDto> Choices,
    DateTimeOffset? ChosenAt,
    SecureRequestDto? Request,
    SecurePlacementDto? Placement);

/// <summary>A pupil's SECURE periods in every cycle they take part in, in time order.</summary>
public sealed record StudentSecureDto(Guid StudentId, IReadOnlyList<StudentSecurePeriodDto> Periods);

/// <summary>How one pupil fared in an allocation (placed or not, and why).</summary>
public sealed record SecureAllocationLineDto(Guid StudentId, Guid? OfferId, SecureMode? Mode, PlacementSource? Source, int? Rank, string Reason);

public sealed record SecureOfferLoadDto(Guid OfferId, string Subject, int Capacity, int Placed);

/// <summary>
/// What allocating a period did: pupils considered (the cycle's year groups), placed by a teacher's request, by their
/// first / second / third choice (<see cref="ByRank"/>), with no choice, outside their choices, and not placed, with
/// each offer's load and every pupil's reason.
/// </summary>
public sealed record SecureAllocationDto(
    Guid CycleId,
    Guid PeriodId,
    int Considered,
    int Placed,
    int FromRequests,
    IReadOnlyList<int> ByRank,
    int NoChoicePlaced,
    int PlacedOutsideChoices,
    int Unplaced,
    IReadOnlyList<SecureOfferLoadDto> Offers,
    IReadOnlyList<SecureAllocationLineDto> Students);
