using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using School.Api.Calendar;
using School.Api.Http;
using School.Application.Calendars;
using School.Application.Common.Authorization;
using School.Application.Timetabling;
using School.Application.Timetabling.AcademicYears;
using School.Application.Timetabling.Blocks;
using School.Application.Timetabling.Conflicts;
using School.Application.Timetabling.DayWindows;
using School.Application.Timetabling.Groups;
using School.Application.Timetabling.PersonalTimetables;
using School.Application.Timetabling.Rooms;
using School.Application.Timetabling.Shifts;
using School.Domain.Timetabling;

namespace School.Api.Endpoints;

/// <summary>Flexible timetables: the year's calendar, day windows, rooms, groups, shifts, blocks, clashes, personal timetables and feeds.</summary>
internal static class TimetableEndpoints
{
    public static IEndpointRouteBuilder MapTimetableEndpoints(this IEndpointRouteBuilder app)
    {
        var years = app.MapGroup("/api/academic-years").NamesRecord(RecordKind.AcademicYear).WithTags("Timetable: calendar").WithProblems();
        years.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListAcademicYearsQuery(), ct)).ToOk())
            .WithSummary("The school's academic years: half terms, closures and the timetable cycle.");
        years.MapPost("/", async (AcademicYearRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(body.ToCommand(null, null), ct)).ToCreated(y => $"/api/academic-years/{y.Id}"))
            .WithSummary("Create an academic year (admin).");
        years.MapPut("/{id:guid}", async (Guid id, AcademicYearRequest body, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct) =>
                await ETags.WriteAsync(request, response, v => s.Send(body.ToCommand(id, v), ct), y => y.Version))
            .WithIfMatch()
            .WithSummary("Replace an academic year's half terms, closures and cycle (admin).");

        var windows = app.MapGroup("/api/day-windows").NamesRecord(RecordKind.DayWindow).NamesRecord(RecordKind.Participant, "studentId").WithTags("Timetable: day windows").WithProblems();
        windows.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListDayWindowsQuery(), ct)).ToOk())
            .WithSummary("The school's day windows (standard, early, late…) with places left.");
        windows.MapPost("/", async (DayWindowRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(body.ToCommand(null, null), ct)).ToCreated(w => $"/api/day-windows/{w.Id}"))
            .WithSummary("Create a day window (admin).");
        windows.MapGet("/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetDayWindowQuery(id), ct)).ToOk())
            .WithSummary("One day window with its places.");
        windows.MapPut("/{id:guid}", async (Guid id, DayWindowRequest body, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct) =>
                await ETags.WriteAsync(request, response, v => s.Send(body.ToCommand(id, v), ct), w => w.Version))
            .WithIfMatch()
            .WithSummary("Change a day window (admin); its capacity cannot drop below the places taken.");
        windows.MapGet("/{id:guid}/enrolments", async (Guid id, ISender s, CancellationToken ct) =>
                (await s.Send(new ListEnrolmentsQuery(id), ct)).ToOk())
            .WithSummary("A window's enrolments and waiting requests (admin).");
        windows.MapPost("/{id:guid}/enrolments", async (Guid id, EnrolmentRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new EnrolInWindowCommand(id, body.StudentId), ct)).ToCreated(e => $"/api/day-windows/{id}/enrolments/{e.StudentId}"))
            .WithSummary("Opt a student in: an admin enrols; a student or guardian requests (409 when the window is full).");
        windows.MapPost("/{id:guid}/enrolments/{studentId:guid}/approve", async (Guid id, Guid studentId, ISender s, CancellationToken ct) =>
                (await s.Send(new ApproveEnrolmentCommand(id, studentId), ct)).ToOk())
            .WithSummary("Approve a waiting request while places remain (admin).");
        windows.MapDelete("/{id:guid}/enrolments/{studentId:guid}", async (Guid id, Guid studentId, ISender s, CancellationToken ct) =>
                (await s.Send(new WithdrawEnrolmentCommand(id, studentId), ct)).ToNoContent())
            .WithSummary("Leave a window (or withdraw a request); the place is freed.");

        var rooms = app.MapGroup("/api/rooms").NamesRecord(RecordKind.Room).WithTags("Timetable: rooms and settings").WithProblems();
        rooms.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListRoomsQuery(), ct)).ToOk())
            .WithSummary("Rooms and off-site settings (staff).");
        rooms.MapPost("/", async (CreateRoomCommand body, ISender s, CancellationToken ct) =>
                (await s.Send(body, ct)).ToCreated(r => $"/api/rooms/{r.Id}"))
            .WithSummary("Add a room or off-site setting (admin).");
        rooms.MapGet("/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetRoomQuery(id), ct)).ToOk())
            .WithSummary("One room or setting (staff).");

        var groups = app.MapGroup("/api/groups").NamesRecord(RecordKind.TeachingGroup).WithTags("Timetable: groups").WithProblems();
        groups.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListGroupsQuery(), ct)).ToOk())
            .WithSummary("Teaching groups by ability (mixed years allowed) and tutor groups (staff).");
        groups.MapPost("/", async (CreateGroupCommand body, ISender s, CancellationToken ct) =>
                (await s.Send(body, ct)).ToCreated(g => $"/api/groups/{g.Id}"))
            .WithSummary("Create a group (admin).");
        groups.MapGet("/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetGroupQuery(id), ct)).ToOk())
            .WithSummary("One group with its members (staff).");
        groups.MapPut("/{id:guid}/members", async (Guid id, MembersRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new SetGroupMembersCommand(id, body.StudentIds), ct)).ToOk())
            .WithSummary("Replace a group's members (admin).");

        var staff = app.MapGroup("/api/staff").NamesRecord(RecordKind.StaffMember).WithTags("Timetable: staff").WithProblems();
        staff.MapGet("/{id:guid}/shifts", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetShiftsQuery(id), ct)).ToOk())
            .WithSummary("When a member of staff works on each day of the cycle.");
        staff.MapPut("/{id:guid}/shifts", async (Guid id, ShiftsRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new SetShiftsCommand(id, body.Shifts), ct)).ToOk())
            .WithSummary("Replace a member of staff's shifts (admin).");
        staff.MapGet("/{id:guid}/timetable", async (Guid id, DateOnly? from, DateOnly? to, ISender s, CancellationToken ct) =>
                (await s.Send(new GetStaffTimetableQuery(id, from, to), ct)).ToOk())
            .WithSummary($"A member of staff's sessions from..to (at most {TimetableRange.MaxDays} days; default this week).");

        app.MapGet("/api/students/{id:guid}/timetable", async (Guid id, DateOnly? from, DateOnly? to, ISender s, CancellationToken ct) =>
                (await s.Send(new GetStudentTimetableQuery(id, from, to), ct)).ToOk())
            .NamesRecord(RecordKind.Student)
            .WithTags("Timetable: personal").WithProblems()
            .WithSummary($"A student's sessions from..to in the school's local time (at most {TimetableRange.MaxDays} days; default this week).");

        var timetable = app.MapGroup("/api/timetable").NamesRecord(RecordKind.LearningBlock).WithTags("Timetable: blocks and clashes").WithProblems();
        timetable.MapGet("/blocks", async (ISender s, CancellationToken ct) => (await s.Send(new ListBlocksQuery(), ct)).ToOk())
            .WithSummary("The school's learning blocks (staff).");
        timetable.MapPost("/blocks", async (BlockRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(body.ToCommand(null, null), ct)).ToCreated(b => $"/api/timetable/blocks/{b.Block.Id}"))
            .WithSummary("Place a block of any length (admin). Saved even when it clashes; its clashes come back with it.");
        timetable.MapGet("/blocks/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetBlockQuery(id), ct)).ToOk())
            .WithSummary("One block (staff).");
        timetable.MapPut("/blocks/{id:guid}", async (Guid id, BlockRequest body, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct) =>
                await ETags.WriteAsync(request, response, v => s.Send(body.ToCommand(id, v), ct), b => b.Block.Version))
            .WithIfMatch()
            .WithSummary("Move or change a block (admin); its clashes come back with it.");
        timetable.MapDelete("/blocks/{id:guid}", async (Guid id, ISender s, CancellationToken ct) =>
                (await s.Send(new DeleteBlockCommand(id), ct)).ToNoContent())
            .WithSummary("Remove a block (admin).");
        timetable.MapGet("/conflicts", async (ISender s, CancellationToken ct) => (await s.Send(new GetConflictsQuery(), ct)).ToOk())
            .WithSummary("Every clash in the timetable with its kind, cause and the blocks and people involved (admin).");

        var feed = app.MapGroup("/api/me/calendar-feed").WithTags("Timetable: calendar feed").WithProblems();
        feed.MapPost("/", async (HttpRequest request, ISender s, CancellationToken ct) =>
            {
                var token = await s.Send(new CreateCalendarFeedCommand(), ct);
                return token.IsSuccess
                    ? (IResult)TypedResults.Ok(new CalendarFeedUrl($"{request.Scheme}://{request.Host}/api/calendar/{token.Value}.ics"))
                    : token.Error!.ToProblem();
            })
            .Produces<CalendarFeedUrl>()
            .WithSummary("A secret calendar address for my timetable (for a guardian, their children's); a new one replaces the old.");
        feed.MapDelete("/", async (ISender s, CancellationToken ct) => (await s.Send(new RevokeCalendarFeedCommand(), ct)).ToNoContent())
            .WithSummary("Revoke my calendar address; it then answers 404.");

        app.MapGet("/api/calendar/{token}.ics", async (string token, ISender s, TimeProvider time, CancellationToken ct) =>
            {
                var result = await s.Send(new GetCalendarFeedQuery(token), ct);
                return result.IsSuccess
                    ? Results.Text(IcsWriter.Write(result.Value, time.GetUtcNow()), IcsWriter.ContentType)
                    : result.Error!.ToProblem();
            })
            .AllowAnonymous()
            .WithTags("Timetable: calendar feed")
            .Produces<string>(contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An RFC 5545 calendar of the feed owner's timetable, no more than a term ahead. The token is the credential.");
        return app;
    }

    private static RouteGroupBuilder WithProblems(this RouteGroupBuilder group) => group
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder route) => route
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound);
}

internal sealed record CalendarFeedUrl(string Url);

internal sealed record EnrolmentRequest(Guid StudentId);

internal sealed record MembersRequest(IReadOnlyList<Guid> StudentIds);

internal sealed record ShiftsRequest(IReadOnlyList<ShiftDto> Shifts);

internal sealed record AcademicYearRequest(string Name, int CycleWeeks, IReadOnlyList<HalfTerm> HalfTerms, IReadOnlyList<Closure>? Closures)
{
    public SaveAcademicYearCommand ToCommand(Guid? id, uint? version) => new(id, version, Name, CycleWeeks, HalfTerms, Closures);
}

internal sealed record DayWindowRequest(string Name, TimeOnly Start, TimeOnly End, int? Capacity, IReadOnlyList<int>? YearGroups, bool AutoApprove)
{
    public SaveDayWindowCommand ToCommand(Guid? id, uint? version) => new(id, version, Name, Start, End, Capacity, YearGroups, AutoApprove);
}

internal sealed record BlockRequest(
    string Title, string? Subject, BlockKind Kind, Guid? GroupId, IReadOnlyList<Guid>? StudentIds, IReadOnlyList<Guid>? StaffIds, Guid? RoomId,
    int? CycleWeek, DayOfWeek? Day, DateOnly? FromDate, DateOnly? ToDate, TimeOnly Start, int DurationMinutes, bool IsJoint = false)
{
    public SaveBlockCommand ToCommand(Guid? id, uint? version) => new(
        id, version, Title, Subject, Kind, GroupId, StudentIds, StaffIds, RoomId, CycleWeek, Day, FromDate, ToDate, Start, DurationMinutes, IsJoint);
}
