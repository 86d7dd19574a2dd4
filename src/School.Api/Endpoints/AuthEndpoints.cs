using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using School.Api.Http;
using School.Application.Accounts.LockAccount;
using School.Application.Auth.IssueToken;
using School.Application.Auth.Refresh;
using School.Application.Auth.SignOut;
using School.Application.Common.Abstractions;
using School.Application.Me.ChangePassword;
using School.Application.Me.GetMe;

namespace School.Api.Endpoints;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueToken)
            .WithTags("Sign-in")
            .WithSummary("Sign in with email and password; returns a short-lived bearer token and a refresh token.")
            .AllowAnonymous()
            .WithSignInThrottling(perAccount: true)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        app.MapPost("/api/auth/refresh", Refresh)
            .WithTags("Sign-in")
            .WithSummary("Exchange a refresh token for a new bearer token and a new refresh token (the old one is used up).")
            .AllowAnonymous()
            .WithSignInThrottling(perAccount: false)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        app.MapPost("/api/auth/sign-out", SignOut)
            .WithTags("Sign-in")
            .WithSummary("End a sign-in session: its refresh token stops working (the bearer token in hand expires on its own).")
            .AllowAnonymous()
            .WithSignInThrottling(perAccount: false)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        app.MapPost("/api/accounts/lock", (AccountEmail body, ISender sender, CancellationToken ct) => SetLock(body, locked: true, sender, ct))
            .WithTags("Sign-in")
            .WithSummary("Lock a sign-in of my school (admin): it cannot sign in, and its tokens stop working at once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/accounts/unlock", (AccountEmail body, ISender sender, CancellationToken ct) => SetLock(body, locked: false, sender, ct))
            .WithTags("Sign-in")
            .WithSummary("Unlock a sign-in of my school (admin).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/me/password", ChangePassword)
            .WithTags("Sign-in")
            .WithSummary("Change my password: every token issued before stops working; answers a new token pair.")
            .WithSignInThrottling(perAccount: false)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        app.MapGet("/api/me", GetMe)
            .WithTags("Sign-in")
            .WithSummary("Who I am: person, school, roles and, for a guardian, the children I may see.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>The sign-in to lock or unlock, by its e-mail address.</summary>
    internal sealed record AccountEmail(string Email);

    private static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> IssueToken(IssueTokenCommand command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    private static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> Refresh(RefreshTokenCommand command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> SignOut(SignOutCommand command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> SetLock(AccountEmail body, bool locked, ISender sender, CancellationToken ct) =>
        (await sender.Send(new LockAccountCommand(body.Email, locked), ct)).ToNoContent();

    private static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> ChangePassword(ChangePasswordCommand command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> GetMe(ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetMeQuery(), ct)).ToOk();
}
