using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Application.Portfolios.UploadEvidence;

/// <summary>
/// Attach a file to an entry as evidence (the student, their personal tutor or an admin). Its type is decided from its
/// content (415 when it is none of the accepted types); an empty file is 400 and one over the limit 413. The file is
/// kept only once it has passed every check, and removed again if the entry cannot be saved.
/// </summary>
/// <param name="StudentId">The student.</param>
/// <param name="EntryId">The entry.</param>
/// <param name="FileName">The name the uploader gave the file; kept, with the extension of the type found, for downloads.</param>
/// <param name="Length">The length the upload declared.</param>
/// <param name="Content">The bytes (a seekable stream is read in place; another is buffered up to the limit).</param>
public sealed record UploadEvidenceCommand(Guid StudentId, Guid EntryId, string? FileName, long Length, Stream Content)
    : ICommand<Result<EvidenceDto>>;

public sealed class UploadEvidenceCommandValidator : AbstractValidator<UploadEvidenceCommand>
{
    public UploadEvidenceCommandValidator()
    {
        RuleFor(c => c.Length).GreaterThan(0).OverridePropertyName("file").WithMessage(EvidenceErrors.Empty.Message);
        RuleFor(c => c.FileName)
            .Must(n => EvidenceFileName.Clean(n).Length <= PortfolioEvidence.FileNameMaxLength)
            .OverridePropertyName("file")
            .WithMessage($"A file name is at most {PortfolioEvidence.FileNameMaxLength} characters.");
    }
}

internal sealed class UploadEvidenceCommandHandler(
    StudentAccess access, ICurrentUser user, IApplicationDbContext db, IFileStore files, IOptions<PortfolioOptions> options, TimeProvider time)
    : ICommandHandler<UploadEvidenceCommand, Result<EvidenceDto>>
{
    public async ValueTask<Result<EvidenceDto>> Handle(UploadEvidenceCommand command, CancellationToken cancellationToken)
    {
        var viewer = await access.PortfolioAsync(user, command.StudentId, cancellationToken);
        if (!viewer.IsSuccess)
        {
            return viewer.Error!;
        }

        var entry = await viewer.Value.EntryAsync(db, command.EntryId, cancellationToken);
        if (!entry.IsSuccess)
        {
            return entry.Error!;
        }

        var write = viewer.Value.RequireWrite();
        if (!write.IsSuccess)
        {
            return write.Error!;
        }

        var max = options.Value.MaxEvidenceBytes;
        if (command.Length > max)
        {
            return EvidenceErrors.TooLarge(max);
        }

        // Sniffing a zip needs to seek: a buffered form file can; anything else is copied into memory, up to the limit.
        MemoryStream? copy = null;
        if (!command.Content.CanSeek)
        {
            copy = await CopyAsync(command.Content, max, cancellationToken);
            if (copy is null)
            {
                return EvidenceErrors.TooLarge(max);
            }
        }

        await using var owned = copy;
        var content = copy ?? command.Content;
        if (content.Length > max)
        {
            return EvidenceErrors.TooLarge(max);
        }

        if (content.Length == 0)
        {
            return EvidenceErrors.Empty;
        }

        var type = await EvidenceTypes.SniffAsync(content, options.Value.MaxUnpackedBytes, cancellationToken);
        if (!type.IsSuccess)
        {
            return type.Error!;
        }

        return await StoreAsync(entry.Value, content, type.Value, command.FileName, max, cancellationToken);
    }

    /// <summary>Keeps the file, then the entry; if the entry cannot be saved the file goes again, so nothing is half-saved.</summary>
    private async Task<Result<EvidenceDto>> StoreAsync(
        PortfolioEntry entry, Stream content, EvidenceType type, string? fileName, long max, CancellationToken cancellationToken)
    {
        var stored = await files.SaveAsync(content, max, cancellationToken);
        if (stored is null)
        {
            return EvidenceErrors.TooLarge(max);
        }

        try
        {
            var added = entry.AddEvidence(
                Ids.New(time), EvidenceFileName.For(fileName, type), type.ContentType, stored.SizeBytes, stored.Sha256, stored.Path,
                time.GetUtcNow(), user.PersonId);
            if (!added.IsSuccess)
            {
                files.Delete(stored.Path);
                return added.Error!;
            }

            await db.SaveChangesAsync(cancellationToken);
            return EvidenceDto.From(entry, added.Value);
        }
        catch
        {
            files.Delete(stored.Path);
            throw;
        }
    }

    /// <summary>A copy in memory of an upload that cannot seek; null when it is longer than <paramref name="max"/>.</summary>
    private static async Task<MemoryStream?> CopyAsync(Stream upload, long max, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > max)
            {
                await copy.DisposeAsync();
                return null;
            }

            await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        copy.Position = 0;
        return copy;
    }
}
