using Mediator;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;

namespace School.Application.Portfolios.DownloadEvidence;

/// <summary>An evidence file's bytes, for those who may see its entry (a Private entry's files are not found for a guardian).</summary>
public sealed record DownloadEvidenceQuery(Guid StudentId, Guid EntryId, Guid EvidenceId) : IQuery<Result<EvidenceFile>>;

/// <summary>A stored evidence file opened for reading; whoever sends it disposes <see cref="Content"/>.</summary>
public sealed record EvidenceFile(Stream Content, string ContentType, string FileName, long SizeBytes, string Sha256);

internal sealed class DownloadEvidenceQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, IFileStore files)
    : IQueryHandler<DownloadEvidenceQuery, Result<EvidenceFile>>
{
    public async ValueTask<Result<EvidenceFile>> Handle(DownloadEvidenceQuery query, CancellationToken cancellationToken)
    {
        var viewer = await access.PortfolioAsync(user, query.StudentId, cancellationToken);
        if (!viewer.IsSuccess)
        {
            return viewer.Error!;
        }

        var entry = await viewer.Value.EntryAsync(db, query.EntryId, cancellationToken, readOnly: true);
        if (!entry.IsSuccess)
        {
            return entry.Error!;
        }

        var evidence = entry.Value.Evidence.SingleOrDefault(e => e.Id == query.EvidenceId);
        if (evidence is null)
        {
            return Error.NotFound("Evidence");
        }

        return new EvidenceFile(files.OpenRead(evidence.StoragePath), evidence.ContentType, EvidenceFileName.For(evidence.FileName, evidence.ContentType), evidence.SizeBytes, evidence.Sha256);
    }
}
