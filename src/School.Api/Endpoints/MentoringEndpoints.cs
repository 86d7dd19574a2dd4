using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.Mentoring;
using School.Application.Mentoring.Assignments;
using School.Application.Mentoring.CheckIns;
using School.Application.Mentoring.Matching;
using School.Application.Mentoring.Mentors;
using School.Application.Mentoring.Policy;
using School.Application.Mentoring.Preferences;
using School.Application.Mentoring.Sweep;
using School.Domain.Mentoring;

namespace School.Api.Endpoints;

/// <summary>
/// Mentoring: the school's mentors, each student's preferences and mentor history, matching, the check-in policy, the
/// sweep (which the daily Hangfire job also runs) and check-ins. Who may see and do what is decided in the application.
/// </summary>
internal static class MentoringEndpoints
{
    public static IEndpointRouteBuilder MapMentoringEndpoints(this IEndpointRouteBuilder app)
    {
        var mentors = app.MapGroup("/api/mentors").NamesRecord(RecordKind.Mentor).WithTags("Mentoring")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        mentors.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListMentorsQuery(), ct)).ToOk())
            .WithSummary("The school's mentors with their capacity and places left (anyone at the school: students choose from it; admins also see inactive mentors).");
        mentors.MapPost("/", RegisterMentor)
            .WithETag()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Register a mentor (admin): staff holding the Mentor role, a trained school leaver or a trained older pupil (Year 9+), the last two with a supervisor.");
        mentors.MapPut("/{id:guid}", UpdateMentor)
            .WithIfMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a mentor's weekly allowance, supervisor, training or whether they take mentees (admin). Send If-Match to refuse stale writes.");
        mentors.MapGet("/me/mentees", async (ISender s, CancellationToken ct) => (await s.Send(new ListMyMenteesQuery(), ct)).ToOk())
            .WithSummary("The caller's mentees, each with their next and last check-in and how many have counted this half term (mentors).");

        var students = app.MapGroup("/api/students/{id:guid}").NamesRecord(RecordKind.Student).WithTags("Mentoring")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        students.MapGet("/mentor-preferences", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetMentorPreferencesQuery(id), ct)).ToOk())
            .WithSummary("The mentors the student ranked, and whether they want a guardian at their check-ins.");
        students.MapPost("/mentor-preferences", async (Guid id, MentorPreferencesRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new SetMentorPreferencesCommand(id, body.MentorIds, body.NoPreference), ct)).ToOk())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rank up to three mentors, best first, or say there is no preference (the student, a guardian, or an admin).");
        students.MapPut("/mentor-preferences/guardian-attendance", async (Guid id, GuardianAttendanceRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new SetGuardianAttendanceCommand(id, body.GuardianMayAttend), ct)).ToOk())
            .WithSummary("Whether the student wants a guardian to sit in on their check-ins (the student, or an admin recording their wish).");
        students.MapGet("/mentor-assignments", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new ListMentorAssignmentsQuery(id), ct)).ToOk())
            .WithSummary("The student's mentors over time, newest first, with how each was assigned and why.");
        students.MapPut("/mentor", async (Guid id, MentorOverrideRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new OverrideMentorCommand(id, body.MentorId, body.Reason), ct)).ToOk())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Choose the student's mentor directly, overriding matching, with a reason (admin). A full mentor is 409; a null mentor removes the mentor.");
        students.MapGet("/check-ins", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new ListStudentCheckInsQuery(id), ct)).ToOk())
            .WithSummary("The student's check-ins, newest half term first. Private notes appear only for the child's mentor and the pastoral lead.");

        var mentoring = app.MapGroup("/api/mentoring").WithTags("Mentoring")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        mentoring.MapPost("/matching", async (ISender s, CancellationToken ct) => (await s.Send(new RunMatchingCommand(), ct)).ToOk())
            .WithSummary("Assign a mentor to every student without one (admin): capacities respected, as many first choices as possible, then second, then third. Says how many got each and why.");
        mentoring.MapPost("/sweep", async (ISender s, CancellationToken ct) => (await s.Send(new RunMentoringSweepCommand(), ct)).ToOk())
            .WithSummary("Run the daily mentoring sweep for the caller's school now (admin): check-ins created, reminders queued, check-ins overdue, children escalated.");
        mentoring.MapGet("/policy", GetPolicy).WithETag().WithSummary("The school's check-in policy (staff). The ETag header carries the version for If-Match.");
        mentoring.MapPut("/policy", UpdatePolicy)
            .WithIfMatch()
            .WithSummary("Change the check-in policy (admin): check-ins per half term, minimum minutes, days of warning, minutes a mentee takes a week.");

        app.MapPost("/api/check-ins/{id:guid}/complete", async (Guid id, CompleteCheckInRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new CompleteCheckInCommand(id, body.HeldAt, body.Minutes, body.PrivateNotes, body.StudentSummary, body.GuardianAttended), ct)).ToOk())
            .NamesRecord(RecordKind.CheckIn)
            .WithTags("Mentoring")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The child's mentor records a check-in. Shorter than the policy's minimum: kept, but it does not count. A guardian may attend only if the student wants them there.");
        return app;
    }

    private static async Task<Results<Created<MentorDto>, ProblemHttpResult>> RegisterMentor(
        MentorRequest body, HttpResponse response, ISender s, CancellationToken ct) =>
        (await s.Send(new RegisterMentorCommand(body.PersonId, body.Kind, body.WeeklyAllowanceMinutes, body.SupervisorId, body.TrainedOn), ct))
            .ToCreatedWithETag(response, m => $"/api/mentors/{m.Id}", m => m.Version);

    private static Task<Results<Ok<MentorDto>, ProblemHttpResult>> UpdateMentor(
        Guid id, MentorUpdateRequest body, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct) =>
        ETags.WriteAsync(
            request, response,
            expected => s.Send(new UpdateMentorCommand(id, expected, body.WeeklyAllowanceMinutes, body.SupervisorId, body.TrainedOn, body.IsActive), ct),
            m => m.Version);

    private static async Task<Results<Ok<CheckInPolicyDto>, ProblemHttpResult>> GetPolicy(HttpResponse response, ISender s, CancellationToken ct) =>
        (await s.Send(new GetCheckInPolicyQuery(), ct)).ToOkWithETag(response, p => p.Version);

    private static Task<Results<Ok<CheckInPolicyDto>, ProblemHttpResult>> UpdatePolicy(
        CheckInPolicyRequest body, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct) =>
        ETags.WriteAsync(
            request, response,
            expected => s.Send(
                new UpdateCheckInPolicyCommand(expected, body.MinCheckInsPerHalfTerm, body.MinMinutes, body.RemindDaysAhead, body.MinutesPerMenteePerWeek), ct),
            p => p.Version);
}

internal sealed record MentorRequest(Guid PersonId, MentorKind Kind, int? WeeklyAllowanceMinutes, Guid? SupervisorId, DateOnly? TrainedOn);

internal sealed record MentorUpdateRequest(int WeeklyAllowanceMinutes, Guid? SupervisorId, DateOnly? TrainedOn, bool IsActive = true);

internal sealed record MentorPreferencesRequest(IReadOnlyList<Guid>? MentorIds, bool NoPreference = false);

internal sealed record GuardianAttendanceRequest(bool GuardianMayAttend);

internal sealed record MentorOverrideRequest(Guid? MentorId, string Reason);

internal sealed record CheckInPolicyRequest(
    int MinCheckInsPerHalfTerm = CheckInPolicy.DefaultCheckIns,
    int MinMinutes = CheckInPolicy.DefaultMinutes,
    int RemindDaysAhead = CheckInPolicy.DefaultRemindDaysAhead,
    int MinutesPerMenteePerWeek = CheckInPolicy.DefaultMinutesPerMenteePerWeek);

internal sealed record CompleteCheckInRequest(DateTimeOffset HeldAt, int Minutes, string? PrivateNotes, string? StudentSummary, bool GuardianAttended);
