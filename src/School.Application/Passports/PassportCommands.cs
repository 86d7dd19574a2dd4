using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.LearningPlans;
using School.Application.Portfolios;
using School.Domain.Common;
using School.Domain.Passports;

namespace School.Application.Passports;

public sealed record PassportDto(string Passport, PassportDocument Document);

/// <summary>Export a student's learning passport, signed with the school's key (those who read the learning record).</summary>
public sealed record ExportPassportQuery(Guid StudentId) : IQuery<Result<PassportDto>>;

internal sealed class ExportPassportQueryHandler(
    StudentAccess access, ICurrentUser user, IApplicationDbContext db, IPassportSigner signer, TimeProvider time)
    : IQueryHandler<ExportPassportQuery, Result<PassportDto>>
{
    public async ValueTask<Result<PassportDto>> Handle(ExportPassportQuery query, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(query.StudentId, StudentPermissions.ReadLearningRecord, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == query.StudentId, cancellationToken);
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == student.SchoolId, cancellationToken);
        var plans = await db.LearningPlans.AsNoTracking().Where(p => p.StudentId == student.Id).OrderBy(p => p.AcademicYear).ToListAsync(cancellationToken);
        // A guardian never sees the child's private entries, so their export leaves them out too.
        var (portfolio, achievements) = await PassportPortfolio.EntriesAsync(
            db, student.Id, includePrivate: user.Kind != Domain.Accounts.PersonKind.Guardian, cancellationToken);

        var document = new PassportDocument(
            PassportDocument.CurrentFormat,
            time.GetUtcNow(),
            new PassportIssuer(school.Id, school.Name, signer.PublicKeyOf(school.Id).KeyId),
            new PassportStudent(student.GivenName, student.FamilyName, student.PreferredName, student.DateOfBirth, student.PupilNumber, student.YearGroup),
            plans.Select(p => new PlanHistoryDto(p.Id, p.StudentId, p.AcademicYear, p.Versions
                .Select(v => new PlanVersionDto(v.Number, v.AgreedAt is not null, v.AgreedAt, v.Agreements, v.Changes, v.Content)).ToList())).ToList(),
            portfolio,
            achievements);
        var json = JsonSerializer.Serialize(document, PassportDocument.Json);
        return new PassportDto(signer.Sign(school.Id, json), document);
    }
}

/// <summary>
/// An admin of the receiving school attaches a passport to one of their students. It is accepted only when its
/// signature verifies with a key this school trusts (a school of this deployment, or a key an admin registered);
/// anything altered, truncated or signed by an unknown key is refused with 422 and nothing is imported.
/// </summary>
public sealed record ImportPassportCommand(
    Guid StudentId,
    [property: MaxLength(ImportPassportCommandValidator.MaxLength)] string Passport) : ICommand<Result<ImportedPassportDto>>;

public sealed record ImportedPassportDto(Guid Id, Guid StudentId, string IssuerName, string KeyId, DateTimeOffset IssuedAt, DateTimeOffset ImportedAt, JsonElement Document);

public sealed class ImportPassportCommandValidator : AbstractValidator<ImportPassportCommand>
{
    public const int MaxLength = 5_000_000;

    public ImportPassportCommandValidator()
    {
        RuleFor(c => c.StudentId).NotEmpty();
        RuleFor(c => c.Passport).NotEmpty().MaximumLength(MaxLength);
    }
}

internal sealed class ImportPassportCommandHandler(
    ICurrentUser user, StudentAccess access, IApplicationDbContext db, IPassportSigner signer, TimeProvider time)
    : ICommandHandler<ImportPassportCommand, Result<ImportedPassportDto>>
{
    private static readonly Error NotVerified = new(
        ErrorKind.Unprocessable, "passport.not_verified",
        "The passport's signature does not verify with a key this school trusts, or the passport has been altered or cut short. Nothing was imported.");

    public async ValueTask<Result<ImportedPassportDto>> Handle(ImportPassportCommand command, CancellationToken cancellationToken)
    {
        var admin = user.RequireSchoolAdmin();
        if (!admin.IsSuccess)
        {
            return admin.Error!;
        }

        var allowed = await access.CheckAsync(command.StudentId, StudentPermissions.Manage, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var trusted = await db.TrustedPassportKeys.AsNoTracking().Where(k => k.SchoolId == admin.Value.SchoolId).ToListAsync(cancellationToken);
        var verified = signer.Verify(command.Passport, kid => signer.DeploymentKey(kid) ?? trusted.FirstOrDefault(k => k.KeyId == kid)?.PublicKeyPem);
        if (verified is not { } passport)
        {
            return NotVerified;
        }

        PassportDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PassportDocument>(passport.Document, PassportDocument.Json);
        }
        catch (JsonException)
        {
            return NotVerified;
        }

        if (document is null || document.Format != PassportDocument.CurrentFormat || document.Issuer?.KeyId != passport.KeyId)
        {
            return NotVerified;
        }

        var sha = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command.Passport.Trim())));
        var imported = ImportedPassport.Create(
            Ids.New(time), admin.Value.SchoolId, command.StudentId, document.Issuer.SchoolName, passport.KeyId, document.IssuedAt, passport.Document, sha,
            user.PersonId, time.GetUtcNow());
        db.ImportedPassports.Add(imported);
        await db.SaveChangesAsync(cancellationToken);
        return imported.ToDto();
    }
}

/// <summary>Passports imported for a student, read-only (those who read the learning record).</summary>
public sealed record ListImportedPassportsQuery(Guid StudentId) : IQuery<Result<IReadOnlyList<ImportedPassportDto>>>;

internal sealed class ListImportedPassportsQueryHandler(StudentAccess access, IApplicationDbContext db)
    : IQueryHandler<ListImportedPassportsQuery, Result<IReadOnlyList<ImportedPassportDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ImportedPassportDto>>> Handle(ListImportedPassportsQuery query, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(query.StudentId, StudentPermissions.ReadLearningRecord, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var imports = await db.ImportedPassports.AsNoTracking().Where(p => p.StudentId == query.StudentId).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<ImportedPassportDto>>.Success(imports.OrderBy(p => p.ImportedAt).Select(p => p.ToDto()).ToList());
    }
}

/// <summary>This school's passport-signing public key, for another deployment to register (admin).</summary>
public sealed record GetPassportKeyQuery : IQuery<Result<PassportKey>>;

internal sealed class GetPassportKeyQueryHandler(ICurrentUser user, IPassportSigner signer) : IQueryHandler<GetPassportKeyQuery, Result<PassportKey>>
{
    public ValueTask<Result<PassportKey>> Handle(GetPassportKeyQuery query, CancellationToken cancellationToken)
    {
        var admin = user.RequireSchoolAdmin();
        return ValueTask.FromResult(admin.IsSuccess ? Result<PassportKey>.Success(signer.PublicKeyOf(admin.Value.SchoolId)) : Result<PassportKey>.Failure(admin.Error!));
    }
}

/// <summary>An admin registers another deployment's school key as trusted for passports.</summary>
public sealed record TrustPassportKeyCommand(string IssuerName, string PublicKeyPem) : ICommand<Result<PassportKey>>;

public sealed class TrustPassportKeyCommandValidator : AbstractValidator<TrustPassportKeyCommand>
{
    public TrustPassportKeyCommandValidator(IPassportSigner signer)
    {
        RuleFor(c => c.IssuerName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.PublicKeyPem).NotEmpty().MaximumLength(4000)
            .Must(pem => signer.KeyIdOf(pem) is not null).WithMessage("A PEM-encoded ECDSA P-256 public key.");
    }
}

internal sealed class TrustPassportKeyCommandHandler(ICurrentUser user, IApplicationDbContext db, IPassportSigner signer, TimeProvider time)
    : ICommandHandler<TrustPassportKeyCommand, Result<PassportKey>>
{
    public async ValueTask<Result<PassportKey>> Handle(TrustPassportKeyCommand command, CancellationToken cancellationToken)
    {
        var admin = user.RequireSchoolAdmin();
        if (!admin.IsSuccess)
        {
            return admin.Error!;
        }

        var kid = signer.KeyIdOf(command.PublicKeyPem)!;
        db.TrustedPassportKeys.Add(TrustedPassportKey.Create(Ids.New(time), admin.Value.SchoolId, kid, command.IssuerName, command.PublicKeyPem.Trim(), user.PersonId, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return new PassportKey(kid, null, command.PublicKeyPem.Trim());
    }
}

internal static class PassportKeys
{
    public static ImportedPassportDto ToDto(this ImportedPassport p)
    {
        using var document = JsonDocument.Parse(p.Document);
        return new ImportedPassportDto(p.Id, p.StudentId, p.IssuerName, p.KeyId, p.IssuedAt, p.ImportedAt, document.RootElement.Clone());
    }
}

/// <summary>The portfolio part of a passport: every entry with its evidence referenced by SHA-256, and the record of achievement.</summary>
internal static class PassportPortfolio
{
    public static async Task<(IReadOnlyList<PassportEntry> Portfolio, IReadOnlyList<PassportEntry> Achievements)> EntriesAsync(
        IApplicationDbContext db, Guid studentId, bool includePrivate, CancellationToken ct)
    {
        var entries = await db.PortfolioEntries.AsNoTracking()
            .Where(e => e.StudentId == studentId && (includePrivate || e.Visibility != Domain.Portfolios.PortfolioVisibility.Private))
            .ToListAsync(ct);
        var all = entries.OrderBy(e => e.Date).ThenBy(e => e.CreatedAt).Select(e => (Entry: e, Dto: new PassportEntry(
            e.Id, e.Title, e.Reflection, e.Date, e.Kind.ToString(), e.Subjects.ToList(), e.Endorsement?.EndorsedByName, e.Endorsement?.EndorsedAt,
            e.Evidence.Select(x => new PassportEvidence(EvidenceFileName.For(x.FileName, x.ContentType), x.ContentType, x.SizeBytes, x.Sha256)).ToList()))).ToList();
        return (all.Select(x => x.Dto).ToList(), all.Where(x => x.Entry.CountsTowardsRecordOfAchievement).Select(x => x.Dto).ToList());
    }
}

/// <summary>
/// The passport and every evidence file as one zip: <c>passport.jws</c>, <c>passport.json</c> and
/// <c>evidence/{sha256}/{fileName}</c>, so the receiving school can check each file against the signed hashes.
/// </summary>
public sealed record ExportPassportArchiveQuery(Guid StudentId) : IQuery<Result<PassportArchive>>;

public sealed record PassportArchive(string FileName, byte[] Content);

internal sealed class ExportPassportArchiveQueryHandler(ISender sender, IApplicationDbContext db, IFileStore files)
    : IQueryHandler<ExportPassportArchiveQuery, Result<PassportArchive>>
{
    public async ValueTask<Result<PassportArchive>> Handle(ExportPassportArchiveQuery query, CancellationToken cancellationToken)
    {
        var passport = await sender.Send(new ExportPassportQuery(query.StudentId), cancellationToken);
        if (!passport.IsSuccess)
        {
            return passport.Error!;
        }

        var entries = await db.PortfolioEntries.AsNoTracking().Where(e => e.StudentId == query.StudentId).ToListAsync(cancellationToken);
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var jws = new StreamWriter(zip.CreateEntry("passport.jws").Open()))
            {
                await jws.WriteAsync(passport.Value.Passport);
            }

            await using (var json = zip.CreateEntry("passport.json").Open())
            {
                await JsonSerializer.SerializeAsync(json, passport.Value.Document, PassportDocument.Json, cancellationToken);
            }

            // Only the files the signed document lists (a guardian's export has no private entries, so no private files).
            var listed = passport.Value.Document.Portfolio.SelectMany(e => e.Evidence).Select(x => x.Sha256).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var evidence in entries.SelectMany(e => e.Evidence).Where(x => listed.Contains(x.Sha256)).DistinctBy(x => x.Sha256))
            {
                await using var source = files.OpenRead(evidence.StoragePath);
                await using var target = zip.CreateEntry($"evidence/{evidence.Sha256}/{EvidenceFileName.For(evidence.FileName, evidence.ContentType)}").Open();
                await source.CopyToAsync(target, cancellationToken);
            }
        }

        return new PassportArchive($"learning-passport-{passport.Value.Document.Student.PupilNumber}.zip", buffer.ToArray());
    }
}
