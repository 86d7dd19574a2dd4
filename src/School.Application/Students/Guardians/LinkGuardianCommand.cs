using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Accounts;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Students;

namespace School.Application.Students.Guardians;

/// <summary>A guardian not yet known to the school, created with the link.</summary>
public sealed record NewGuardian(string GivenName, string FamilyName, string? Email, string? Phone);

/// <summary>
/// An admin links a guardian to a student: an existing guardian of the school (<paramref name="GuardianId"/>) or a new
/// one (<paramref name="Guardian"/>), optionally with a sign-in for the guardian.
/// </summary>
public sealed record LinkGuardianCommand(
    Guid StudentId,
    Guid? GuardianId,
    NewGuardian? Guardian,
    GuardianRelationship Relationship,
    bool HasParentalResponsibility,
    NewAccount? Account) : ICommand<Result<GuardianLinkDto>>;

public sealed class LinkGuardianCommandValidator : AbstractValidator<LinkGuardianCommand>
{
    public LinkGuardianCommandValidator()
    {
        RuleFor(c => c.Relationship).Known();
        RuleFor(c => c.GuardianId).NotNull().When(c => c.Guardian is null)
            .WithMessage("Give either guardianId (a guardian the school knows) or guardian (a new one).");
        RuleFor(c => c.Guardian).Null().When(c => c.GuardianId is not null)
            .WithMessage("Give either guardianId or guardian, not both.");
        RuleFor(c => c.Guardian!).ChildRules(g =>
        {
            g.RuleFor(x => x.GivenName).PersonName();
            g.RuleFor(x => x.FamilyName).PersonName();
            g.RuleFor(x => x.Email).MaximumLength(UserAccount.EmailMaxLength).EmailAddress();
            g.RuleFor(x => x.Phone).MaximumLength(40);
        }).When(c => c.Guardian is not null);
        RuleFor(c => c.Account!).SetValidator(new NewAccountValidator()).When(c => c.Account is not null);
        RuleFor(c => c.Account).Null().When(c => c.GuardianId is not null)
            .WithMessage("A sign-in can only be created with a new guardian.");
    }
}

internal sealed class LinkGuardianCommandHandler(
    StudentAccess access, IApplicationDbContext db, IPasswordHasher hasher, TimeProvider time)
    : ICommandHandler<LinkGuardianCommand, Result<GuardianLinkDto>>
{
    public async ValueTask<Result<GuardianLinkDto>> Handle(LinkGuardianCommand command, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(command.StudentId, StudentPermissions.Manage, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var student = await db.LoadForChangeAsync(command.StudentId, cancellationToken);
        Guardian? guardian;
        if (command.Guardian is { } details)
        {
            guardian = Guardian.Create(Ids.New(time), student.SchoolId, details.GivenName, details.FamilyName, details.Email, details.Phone);
            db.Guardians.Add(guardian);
            if (command.Account is { } account)
            {
                db.UserAccounts.Add(account.CreateFor(PersonKind.Guardian, guardian.Id, student.SchoolId, hasher, time));
            }
        }
        else
        {
            guardian = await db.Guardians.SingleOrDefaultAsync(g => g.Id == command.GuardianId && g.SchoolId == student.SchoolId, cancellationToken);
            if (guardian is null)
            {
                return Error.Validation("guardianId", "No guardian with that id is known to this school.");
            }
        }

        var link = student.LinkGuardian(guardian, command.Relationship, command.HasParentalResponsibility);
        if (!link.IsSuccess)
        {
            return link.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await db.GuardiansOf(student.Id, cancellationToken)).Single(g => g.GuardianId == guardian.Id);
    }
}
