using FluentValidation;
using Mediator;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using Microsoft.EntityFrameworkCore;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Students;

namespace School.Application.Students.Guardians;

/// <summary>
/// An admin changes a guardian's link: the relationship, parental responsibility, or whether it currently allows
/// access (stopping access needs a reason, such as a court order). The link itself is kept.
/// </summary>
public sealed record ChangeGuardianLinkCommand(
    Guid StudentId,
    Guid GuardianId,
    GuardianRelationship Relationship,
    bool HasParentalResponsibility,
    bool AccessAllowed,
    string? AccessStoppedReason) : ICommand<Result<GuardianLinkDto>>;

public sealed class ChangeGuardianLinkCommandValidator : AbstractValidator<ChangeGuardianLinkCommand>
{
    public ChangeGuardianLinkCommandValidator()
    {
        RuleFor(c => c.Relationship).Known();
        RuleFor(c => c.AccessStoppedReason).MaximumLength(GuardianLink.ReasonMaxLength);
        RuleFor(c => c.AccessStoppedReason).NotEmpty().When(c => !c.AccessAllowed)
            .WithMessage("Give the reason access is stopped (for example a court order).");
    }
}

internal sealed class ChangeGuardianLinkCommandHandler(StudentAccess access, IApplicationDbContext db)
    : ICommandHandler<ChangeGuardianLinkCommand, Result<GuardianLinkDto>>
{
    public async ValueTask<Result<GuardianLinkDto>> Handle(ChangeGuardianLinkCommand command, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(command.StudentId, StudentPermissions.Manage, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var student = await db.LoadForChangeAsync(command.StudentId, cancellationToken);
        var accessBefore = student.GuardianLinks.FirstOrDefault(l => l.GuardianId == command.GuardianId)?.AccessAllowed;
        var changed = student.ChangeGuardianLink(
            command.GuardianId, command.Relationship, command.HasParentalResponsibility, command.AccessAllowed, command.AccessStoppedReason);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        if (accessBefore == true && !command.AccessAllowed
            && await db.UserAccounts.SingleOrDefaultAsync(a => a.PersonKind == PersonKind.Guardian && a.PersonId == command.GuardianId, cancellationToken) is { } account)
        {
            // Access stopped (a court order, say): the guardian's tokens stop working now, not when they expire.
            account.RotateSecurityStamp();
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await db.GuardiansOf(student.Id, cancellationToken)).Single(g => g.GuardianId == command.GuardianId);
    }
}
