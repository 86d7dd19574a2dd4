using FluentValidation;
using Mediator;
using School.Application.Common.Abstractions;
using School.Domain.Common;

namespace School.Application.Auth.SignOut;

/// <summary>
/// Ends a sign-in session: its refresh token (and every token of its family) stops working. The access token in hand
/// keeps working until it expires (minutes). An unknown token is already signed out: the answer is the same.
/// </summary>
public sealed record SignOutCommand(string RefreshToken) : ICommand<Result>;

public sealed class SignOutCommandValidator : AbstractValidator<SignOutCommand>
{
    public SignOutCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class SignOutCommandHandler(IApplicationDbContext db, SignInSessions sessions) : ICommandHandler<SignOutCommand, Result>
{
    public async ValueTask<Result> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(command.RefreshToken, cancellationToken) is { } token)
        {
            await sessions.RevokeFamilyAsync(token.FamilyId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success();
    }
}
