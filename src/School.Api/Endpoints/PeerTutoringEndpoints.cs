using Mediator;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.PeerTutoring.Me;
using School.Application.PeerTutoring.Pairs;
using School.Application.PeerTutoring.Programmes;
using School.Application.PeerTutoring.Sessions;
using School.Application.PeerTutoring.Tutors;

namespace School.Api.Endpoints;

/// <summary>
/// The Peer Learner Programme: programmes, tutors (apply, approve, train), pairs and suggestions, session logs and credits.
/// A pupil tutor sees only what tutoring needs: the tutee's name and year and the sessions they share.
/// </summary>
internal static class PeerTutoringEndpoints
{
    public static IEndpointRouteBuilder MapPeerTutoringEndpoints(this IEndpointRouteBuilder app)
    {
        var peer = app.MapGroup("/api/peer-tutoring").NamesRecord(RecordKind.PeerTutor, "tutorId").NamesRecord(RecordKind.Participant, "studentId").WithTags("Peer tutoring")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        peer.MapGet("/me", async (ISender s, CancellationToken ct) => (await s.Send(new GetMyPeerTutoringQuery(), ct)).ToOk())
            .WithSummary("My peer tutoring: as a tutor my pairs (each with its id and tuteeId), sessions and credits; as a tutee my tutoring; for a guardian, each child's.");
        peer.MapGet("/programmes", async (ISender s, CancellationToken ct) => (await s.Send(new ListPeerProgrammesQuery(), ct)).ToOk())
            .WithSummary("The school's programmes (anyone at the school).");
        peer.MapPost("/programmes", async (ProgrammeRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new CreatePeerProgrammeCommand(
                    b.Name, b.Subject, b.TutorYearGroups, b.TuteeYearGroups, b.AllowSameAge, b.RequiredTraining, b.SupervisorId, b.MaxTuteesPerTutor,
                    b.MinutesPerCredit, b.OnlyAttendedSessionsCount), ct)).ToCreated(p => $"/api/peer-tutoring/programmes/{p.Id}"))
            .WithSummary("Set up a programme (admin): subject, year groups, training, supervisor, tutor cap, credit rule (default one credit per 10 hours, attended sessions only).");
        peer.MapGet("/programmes/{id:guid}/tutors", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new ListTutorsQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.PeerProgramme)
            .WithSummary("The programme's tutors and applicants (staff).");
        peer.MapPost("/programmes/{id:guid}/tutors", async (Guid id, ApplyRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new ApplyToTutorCommand(id, b.StudentId, b.Level), ct)).ToCreated(t => $"/api/peer-tutoring/programmes/{id}/tutors"))
            .NamesRecord(RecordKind.PeerProgramme)
            .WithSummary("A pupil applies to tutor (no studentId), or a teacher nominates a pupil (studentId), with their level in the subject.");
        peer.MapPost("/programmes/{id:guid}/tutors/{tutorId:guid}/decision", async (Guid id, Guid tutorId, DecisionRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new DecideTutorCommand(id, tutorId, b.Approve), ct)).ToOk())
            .NamesRecord(RecordKind.PeerProgramme)
            .WithSummary("Approve or decline an application (the supervisor, admins).");
        peer.MapPost("/programmes/{id:guid}/tutors/{tutorId:guid}/training", async (Guid id, Guid tutorId, TrainingRequest? b, ISender s, CancellationToken ct) =>
                (await s.Send(new CompleteTrainingCommand(id, tutorId, b?.On), ct)).ToOk())
            .NamesRecord(RecordKind.PeerProgramme)
            .WithSummary("Record that an approved tutor completed the training (the supervisor, admins).");
        peer.MapGet("/programmes/{id:guid}/suggestions", async (Guid id, Guid tuteeId, int tuteeLevel, ISender s, CancellationToken ct) =>
                (await s.Send(new SuggestTutorsQuery(id, tuteeId, tuteeLevel), ct)).ToOk())
            .NamesRecord(RecordKind.PeerProgramme)
            .WithSummary("Candidate tutors for a tutee, best first, with why: how far ahead, year gap, free time in common, load (staff).");
        peer.MapPost("/programmes/{id:guid}/pairs", async (Guid id, PairRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new CreatePairCommand(id, b.TutorId, b.TuteeId, b.TuteeLevel), ct)).ToCreated(p => $"/api/peer-tutoring/pairs/{p.Id}"))
            .NamesRecord(RecordKind.PeerProgramme)
            .WithSummary("Pair a trained tutor with a tutee (the supervisor, admins): the tutor ahead of the tutee, under the cap.");
        peer.MapGet("/programmes/{id:guid}/tutors/{studentId:guid}/credits", async (Guid id, Guid studentId, ISender s, CancellationToken ct) =>
                (await s.Send(new GetTutorCreditsQuery(id, studentId), ct)).ToOk())
            .NamesRecord(RecordKind.PeerProgramme)
            .WithSummary("A tutor's counted minutes and credits on the programme (the supervisor, admins; the tutor themself).");
        peer.MapPost("/programmes/{id:guid}/tutors/{studentId:guid}/credits/endorse", async (Guid id, Guid studentId, ISender s, CancellationToken ct) =>
                (await s.Send(new EndorseCreditsCommand(id, studentId), ct)).ToOk())
            .NamesRecord(RecordKind.PeerProgramme)
            .WithSummary("Endorse the credits earned since the last endorsement (the supervisor, admins): they go into the tutor's record of achievement.");
        peer.MapPost("/pairs/{id:guid}/sessions", async (Guid id, SessionRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new LogSessionCommand(id, b.Date, b.Minutes, b.TuteeAttended, b.Notes), ct)).ToCreated(x => $"/api/peer-tutoring/sessions/{x.Id}"))
            .NamesRecord(RecordKind.PeerPair)
            .WithSummary("The tutor logs a session: date (not in the future), minutes (5–180), whether the tutee attended, notes.");
        peer.MapPost("/sessions/{id:guid}/feedback", async (Guid id, FeedbackRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new RateSessionCommand(id, b.Rating, b.Comment), ct)).ToOk())
            .NamesRecord(RecordKind.PeerSession)
            .WithSummary("The tutee rates a session (1–5) with a short comment.");
        peer.MapPut("/sessions/{id:guid}", async (Guid id, CorrectionRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new CorrectSessionCommand(id, b.Date, b.Minutes, b.TuteeAttended, b.Notes, b.Reason), ct)).ToOk())
            .NamesRecord(RecordKind.PeerSession)
            .WithSummary("Correct a log (the supervisor, admins); the earlier state is kept in its history.");
        peer.MapPost("/sessions/{id:guid}/void", async (Guid id, VoidRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new VoidSessionCommand(id, b.Reason), ct)).ToOk())
            .NamesRecord(RecordKind.PeerSession)
            .WithSummary("Void a log (the supervisor, admins): it no longer counts, and stays in the history.");

        app.MapGet("/api/students/{id:guid}/peer-tutoring", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetStudentPeerTutoringQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.Student)
            .WithTags("Peer tutoring")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A student's peer tutoring as tutor and tutee (readers of the child's learning record).");
        return app;
    }
}

internal sealed record ProgrammeRequest(
    string Name, string Subject, IReadOnlyList<int>? TutorYearGroups, IReadOnlyList<int>? TuteeYearGroups, bool AllowSameAge, string RequiredTraining,
    Guid SupervisorId, int? MaxTuteesPerTutor, int? MinutesPerCredit, bool? OnlyAttendedSessionsCount);

internal sealed record ApplyRequest(Guid? StudentId, int Level);

internal sealed record DecisionRequest(bool Approve);

internal sealed record TrainingRequest(DateOnly? On);

internal sealed record PairRequest(Guid TutorId, Guid TuteeId, int TuteeLevel);

internal sealed record SessionRequest(DateOnly Date, int Minutes, bool TuteeAttended, string? Notes);

internal sealed record FeedbackRequest(int Rating, string? Comment);

internal sealed record CorrectionRequest(DateOnly Date, int Minutes, bool TuteeAttended, string? Notes, string Reason);

internal sealed record VoidRequest(string Reason);
