using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using School.Api.Http;
using School.Application.Auth.IssueToken;
using School.Application.Common.Abstractions;
using School.Application.Me.GetMe;

namespace School.Api.Endpoints;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueToken)
            .WithTags("Sign-in")
            .WithSummary("Sign in with email and password; returns a bearer token.")
            .AllowAnonymous()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        app.MapGet("/api/me", GetMe)
            .WithTags("Sign-in")
            .WithSummary("Who I am: person, school, roles and, for a guardian, the children I may see.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> IssueToken(IssueTokenCommand command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> GetMe(ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetMeQuery(), ct)).ToOk();
}
