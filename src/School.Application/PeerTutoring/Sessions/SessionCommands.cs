using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Timetabling;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.PeerTutoring;
using School.Domain.Portfolios;

namespace School.Application.PeerTutoring.Sessions;

/// <summary>
/// The tutor logs a session of their pair: date (not in the future), minutes (5–180), whether the tutee attended, notes.
/// Only the pair's tutor may; the tutee and staff are refused (403); anyone else is told the pair does not exist.
/// </summary>
public sealed record LogSessionCommand(Guid PairId, DateOnly Date, int Minutes, bool TuteeAttended, string? Notes) : ICommand<Result<PeerSessionDto>>;

public sealed class LogSessionCommandValidator : AbstractValidator<LogSessionCommand>
{
    public LogSessionCommandValidator()
    {
        RuleFor(c => c.Date).NotEmpty();
        RuleFor(c => c.Minutes).InclusiveBetween(PeerSession.MinMinutes, PeerSession.MaxMinutes);
        RuleFor(c => c.Notes).MaximumLength(PeerSession.MaxNotesLength);
    }
}

internal sealed class LogSessionCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<LogSessionCommand, Result<PeerSessionDto>>
{
    public async ValueTask<Result<PeerSessionDto>> Handle(LogSessionCommand command, CancellationToken cancellationToken)
    {
        var pair = await db.PairForAsync(user, command.PairId, cancellationToken);
        if (!pair.IsSuccess)
        {
            return pair.Error!;
        }

        if (!(user.Kind == PersonKind.Student && user.PersonId == pair.Value.Pair.TutorStudentId))
        {
            return Error.Forbidden("Only the pair's tutor logs its sessions.");
        }

        var today = await db.TodayAtAsync(user.SchoolId!.Value, time, cancellationToken);
        var session = PeerSession.Log(Ids.New(time), pair.Value.Pair, command.Date, command.Minutes, command.TuteeAttended, command.Notes, today, time.GetUtcNow());
        if (!session.IsSuccess)
        {
            return session.Error!;
        }

        db.PeerSessions.Add(session.Value);
        await db.SaveChangesAsync(cancellationToken);
        return PeerSessionDto.From(session.Value, withHistory: false);
    }
}

/// <summary>The tutee rates a session they shared (1–5) with an optional comment.</summary>
public sealed record RateSessionCommand(Guid SessionId, int Rating, string? Comment) : ICommand<Result<PeerSessionDto>>;

public sealed class RateSessionCommandValidator : AbstractValidator<RateSessionCommand>
{
    public RateSessionCommandValidator()
    {
        RuleFor(c => c.Rating).InclusiveBetween(1, 5);
        RuleFor(c => c.Comment).MaximumLength(500);
    }
}

internal sealed class RateSessionCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<RateSessionCommand, Result<PeerSessionDto>>
{
    public async ValueTask<Result<PeerSessionDto>> Handle(RateSessionCommand command, CancellationToken cancellationToken)
    {
        var found = await db.SessionForAsync(user, command.SessionId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (session, pair, _) = found.Value;
        if (!(user.Kind == PersonKind.Student && user.PersonId == pair.TuteeStudentId))
        {
            return Error.Forbidden("Only the tutee rates a session.");
        }

        var rated = session.Rate(command.Rating, command.Comment);
        if (!rated.IsSuccess)
        {
            return rated.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return PeerSessionDto.From(session, withHistory: false);
    }
}

/// <summary>The supervisor (or an admin) corrects a log, with a reason; the earlier state is kept.</summary>
public sealed record CorrectSessionCommand(Guid SessionId, DateOnly Date, int Minutes, bool TuteeAttended, string? Notes, string Reason) : ICommand<Result<PeerSessionDto>>;

public sealed class CorrectSessionCommandValidator : AbstractValidator<CorrectSessionCommand>
{
    public CorrectSessionCommandValidator()
    {
        RuleFor(c => c.Date).NotEmpty();
        RuleFor(c => c.Minutes).InclusiveBetween(PeerSession.MinMinutes, PeerSession.MaxMinutes);
        RuleFor(c => c.Notes).MaximumLength(PeerSession.MaxNotesLength);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

internal sealed class CorrectSessionCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<CorrectSessionCommand, Result<PeerSessionDto>>
{
    public async ValueTask<Result<PeerSessionDto>> Handle(CorrectSessionCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RunnersSessionAsync(user, command.SessionId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var today = await db.TodayAtAsync(user.SchoolId!.Value, time, cancellationToken);
        var corrected = found.Value.Correct(command.Date, command.Minutes, command.TuteeAttended, command.Notes, user.PersonId, command.Reason, today, time.GetUtcNow());
        if (!corrected.IsSuccess)
        {
            return corrected.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return PeerSessionDto.From(found.Value, withHistory: true);
    }
}

/// <summary>The supervisor (or an admin) voids a log, with a reason: it no longer counts towards credits but stays in the history.</summary>
public sealed record VoidSessionCommand(Guid SessionId, string Reason) : ICommand<Result<PeerSessionDto>>;

public sealed class VoidSessionCommandValidator : AbstractValidator<VoidSessionCommand>
{
    public VoidSessionCommandValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

internal sealed class VoidSessionCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<VoidSessionCommand, Result<PeerSessionDto>>
{
    public async ValueTask<Result<PeerSessionDto>> Handle(VoidSessionCommand command, CancellationToken cancellationToken)
    {
        var found = await db.RunnersSessionAsync(user, command.SessionId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var voided = found.Value.Void(user.PersonId, command.Reason, time.GetUtcNow());
        if (!voided.IsSuccess)
        {
            return voided.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return PeerSessionDto.From(found.Value, withHistory: true);
    }
}

/// <summary>
/// The supervisor (or an admin) endorses a tutor's credits: the credits earned under the programme's rule since the last
/// endorsement are awarded and written to the tutor's portfolio as an endorsed peer-tutoring entry, so they appear in
/// the record of achievement. Nothing new to award is 409.
/// </summary>
public sealed record EndorseCreditsCommand(Guid ProgrammeId, Guid TutorStudentId) : ICommand<Result<PeerCreditsDto>>;

internal sealed class EndorseCreditsCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<EndorseCreditsCommand, Result<PeerCreditsDto>>
{
    public async ValueTask<Result<PeerCreditsDto>> Handle(EndorseCreditsCommand command, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeAsync(user, command.ProgrammeId, cancellationToken);
        if (!programme.IsSuccess)
        {
            return programme.Error!;
        }

        var runner = user.RequireRunner(programme.Value);
        if (!runner.IsSuccess)
        {
            return user.IsStaff() ? runner.Error! : Error.NotFound("Programme");
        }

        if (!await db.PeerTutors.AnyAsync(t => t.ProgrammeId == command.ProgrammeId && t.StudentId == command.TutorStudentId, cancellationToken))
        {
            return Error.NotFound("Tutor");
        }

        var credits = await db.CreditsAsync(programme.Value, command.TutorStudentId, cancellationToken);
        var award = credits.CreditsEarned - credits.CreditsEndorsed;
        if (award <= 0)
        {
            return Error.Conflict("peer.nothing_to_endorse", "No credits have been earned since the last endorsement.");
        }

        var now = time.GetUtcNow();
        var today = await db.TodayAtAsync(user.SchoolId!.Value, time, cancellationToken);
        var supervisor = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == user.PersonId, cancellationToken);
        var hours = credits.CountedMinutes / 60.0;
        var entry = PortfolioEntry.Create(
            Ids.New(time), programme.Value.SchoolId, command.TutorStudentId,
            $"Peer tutoring in {programme.Value.Subject}: {award} credit{(award == 1 ? string.Empty : "s")}",
            PeerCreditWording.Reflection(hours, programme.Value.Name, credits.CreditsEarned), today,
            PortfolioEntryKind.PeerTutoring, [programme.Value.Subject], PortfolioVisibility.Family, 0, user.PersonId, now);
        entry.Endorse(supervisor.Id, supervisor.DisplayName, now);
        db.PortfolioEntries.Add(entry);
        db.PeerCreditAwards.Add(PeerCreditAward.Endorse(
            Ids.New(time), programme.Value.Id, command.TutorStudentId, award, credits.CountedMinutes, user.PersonId, now, entry.Id));
        await db.SaveChangesAsync(cancellationToken);
        return credits with { CreditsEndorsed = credits.CreditsEndorsed + award };
    }
}

/// <summary>How an endorsed credit reads in the tutor's portfolio (the demo data uses it too).</summary>
public static class PeerCreditWording
{
    public static string Reflection(double hours, string programme, int creditsInAll) =>
        $"{hours:0.#} hours of tutoring in the programme \"{programme}\"; {creditsInAll} {(creditsInAll == 1 ? "credit" : "credits")} in all.";
}

internal static class SessionData
{
    /// <summary>A pair the user is part of or runs; anyone else is told it does not exist.</summary>
    public static async Task<Result<(PeerPair Pair, PeerProgramme Programme)>> PairForAsync(this IApplicationDbContext db, ICurrentUser user, Guid pairId, CancellationToken ct)
    {
        var pair = await db.PeerPairs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pairId, ct);
        var programme = pair is null ? null : await db.PeerProgrammes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pair.ProgrammeId && p.SchoolId == user.SchoolId, ct);
        if (pair is null || programme is null)
        {
            return Error.NotFound("Pair");
        }

        var inPair = user.Kind == PersonKind.Student && (user.PersonId == pair.TutorStudentId || user.PersonId == pair.TuteeStudentId);
        return inPair || user.RequireRunner(programme).IsSuccess ? (pair, programme) : Error.NotFound("Pair");
    }

    public static async Task<Result<(PeerSession Session, PeerPair Pair, PeerProgramme Programme)>> SessionForAsync(
        this IApplicationDbContext db, ICurrentUser user, Guid sessionId, CancellationToken ct)
    {
        var session = await db.PeerSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return Error.NotFound("Session");
        }

        var pair = await db.PairForAsync(user, session.PairId, ct);
        return pair.IsSuccess ? (session, pair.Value.Pair, pair.Value.Programme) : Error.NotFound("Session");
    }

    /// <summary>A session of a programme the user runs, tracked; pupils in the pair are refused (403), anyone else told it does not exist.</summary>
    public static async Task<Result<PeerSession>> RunnersSessionAsync(this IApplicationDbContext db, ICurrentUser user, Guid sessionId, CancellationToken ct)
    {
        var found = await db.SessionForAsync(user, sessionId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var runner = user.RequireRunner(found.Value.Programme);
        return runner.IsSuccess ? found.Value.Session : runner.Error!;
    }
}

/// <summary>A tutor's credits on a programme (the supervisor and admins; the tutor themself).</summary>
public sealed record GetTutorCreditsQuery(Guid ProgrammeId, Guid TutorStudentId) : IQuery<Result<PeerCreditsDto>>;

internal sealed class GetTutorCreditsQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetTutorCreditsQuery, Result<PeerCreditsDto>>
{
    public async ValueTask<Result<PeerCreditsDto>> Handle(GetTutorCreditsQuery query, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeAsync(user, query.ProgrammeId, cancellationToken);
        if (!programme.IsSuccess)
        {
            return programme.Error!;
        }

        var self = user.Kind == PersonKind.Student && user.PersonId == query.TutorStudentId;
        if (!self && !user.RequireRunner(programme.Value).IsSuccess)
        {
            return user.IsStaff() ? Error.Forbidden("Only the programme's supervisor and the school's admins see a tutor's credits.") : Error.NotFound("Tutor");
        }

        return await db.PeerTutors.AnyAsync(t => t.ProgrammeId == query.ProgrammeId && t.StudentId == query.TutorStudentId, cancellationToken)
            ? await db.CreditsAsync(programme.Value, query.TutorStudentId, cancellationToken)
            : Error.NotFound("Tutor");
    }
}
