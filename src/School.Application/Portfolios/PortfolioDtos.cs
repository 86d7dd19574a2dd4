using School.Application.Common.Models;
using School.Domain.Portfolios;

namespace School.Application.Portfolios;

public sealed record PortfolioEntryDto(
    Guid Id,
    Guid StudentId,
    string Title,
    string Reflection,
    DateOnly Date,
    PortfolioEntryKind Kind,
    IReadOnlyList<string> Subjects,
    PortfolioVisibility Visibility,
    int? ShowcaseOrder,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    EndorsementDto? Endorsement,
    IReadOnlyList<EvidenceDto> Evidence,
    uint Version)
{
    public static PortfolioEntryDto From(PortfolioEntry e) => new(
        e.Id,
        e.StudentId,
        e.Title,
        e.Reflection,
        e.Date,
        e.Kind,
        e.Subjects.ToList(),
        e.Visibility,
        e.ShowcaseOrder,
        e.CreatedBy,
        e.CreatedAt,
        EndorsementDto.From(e.Endorsement),
        e.Evidence.OrderBy(x => x.UploadedAt).ThenBy(x => x.Id).Select(x => EvidenceDto.From(e, x)).ToList(),
        e.Version);
}

/// <summary>Who endorsed an entry and when.</summary>
public sealed record EndorsementDto(PersonRef EndorsedBy, DateTimeOffset EndorsedAt)
{
    public static EndorsementDto? From(Endorsement? e) => e is null ? null : new(new PersonRef(e.EndorsedBy, e.EndorsedByName), e.EndorsedAt);
}

/// <summary>An evidence file; <see cref="Url"/> downloads it.</summary>
public sealed record EvidenceDto(
    Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, Guid UploadedBy, string Url)
{
    public static EvidenceDto From(PortfolioEntry entry, PortfolioEvidence x) => new(
        x.Id, EvidenceFileName.For(x.FileName, x.ContentType), x.ContentType, x.SizeBytes, x.Sha256, x.UploadedAt, x.UploadedBy, EvidenceUrl(entry.StudentId, entry.Id, x.Id));

    /// <summary>The download address of an evidence file (GET, for those who may see the entry).</summary>
    public static string EvidenceUrl(Guid studentId, Guid entryId, Guid evidenceId) =>
        $"/api/students/{studentId}/portfolio/entries/{entryId}/evidence/{evidenceId}";
}

/// <summary>The entries a student presents at a parents' evening, in their order.</summary>
public sealed record ShowcaseDto(Guid StudentId, IReadOnlyList<PortfolioEntryDto> Entries);

/// <summary>A student's record of achievement: endorsed achievements, personal challenges and peer-tutoring credits.</summary>
public sealed record RecordOfAchievementDto(Guid StudentId, IReadOnlyList<AchievementDto> Items);

public sealed record AchievementDto(
    Guid EntryId, PortfolioEntryKind Kind, string Title, string Reflection, DateOnly Date, IReadOnlyList<string> Subjects, EndorsementDto? Endorsement);
