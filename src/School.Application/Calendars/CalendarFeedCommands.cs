using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Timetabling;
using School.Application.Timetabling.PersonalTimetables;
using School.Domain.Calendars;
using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Application.Calendars;

/// <summary>Gives the caller a new secret calendar-feed token (an older one stops working).</summary>
public sealed record CreateCalendarFeedCommand : ICommand<Result<string>>;

/// <summary>Revokes the caller's calendar feed: its address then answers 404.</summary>
public sealed record RevokeCalendarFeedCommand : ICommand<Result>;

/// <summary>The sessions behind a feed address, from the start of this week to the end of this term (never more than a term ahead).</summary>
public sealed record GetCalendarFeedQuery(string Token) : IQuery<Result<CalendarFeedDto>>;

/// <summary>A feed token is short (43 characters as issued); anything far longer is not one, whatever it says.</summary>
public sealed class GetCalendarFeedQueryValidator : AbstractValidator<GetCalendarFeedQuery>
{
    public const int MaxTokenLength = 100;

    public GetCalendarFeedQueryValidator() => RuleFor(q => q.Token).NotEmpty().MaximumLength(MaxTokenLength);
}

public sealed record CalendarFeedDto(string Name, string TimeZone, IReadOnlyList<SessionDto> Sessions);

internal static class FeedTokens
{
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static async Task RevokeAllAsync(IApplicationDbContext db, Guid accountId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var feed in await db.CalendarFeeds.Where(f => f.AccountId == accountId && f.RevokedAt == null).ToListAsync(ct))
        {
            feed.Revoke(now);
        }
    }
}

internal sealed class CreateCalendarFeedCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CreateCalendarFeedCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(CreateCalendarFeedCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await FeedTokens.RevokeAllAsync(db, user.AccountId, now, cancellationToken);
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        db.CalendarFeeds.Add(CalendarFeed.Create(Ids.New(time), user.AccountId, FeedTokens.Hash(token), now));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}

internal sealed class RevokeCalendarFeedCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<RevokeCalendarFeedCommand, Result>
{
    public async ValueTask<Result> Handle(RevokeCalendarFeedCommand command, CancellationToken cancellationToken)
    {
        await FeedTokens.RevokeAllAsync(db, user.AccountId, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

internal sealed class GetCalendarFeedQueryHandler(IApplicationDbContext db, StudentAccess access, TimeProvider time)
    : IQueryHandler<GetCalendarFeedQuery, Result<CalendarFeedDto>>
{
    /// <summary>However long the term, a feed never reaches further than this.</summary>
    private const int MaxWeeksAhead = 16;

    public async ValueTask<Result<CalendarFeedDto>> Handle(GetCalendarFeedQuery query, CancellationToken cancellationToken)
    {
        var hash = FeedTokens.Hash(query.Token);
        var account = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Join(db.UserAccounts, f => f.AccountId, a => a.Id, (f, a) => a)
            .SingleOrDefaultAsync(cancellationToken);
        if (account?.SchoolId is not { } schoolId)
        {
            return Error.NotFound("Calendar");
        }

        var zoneId = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(cancellationToken);
        var today = time.Today(TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        var from = AcademicYear.MondayOf(today);
        var term = (await db.YearsOfAsync(schoolId, cancellationToken)).YearFor(today)?.TermAround(today);
        var to = term is { } t && t.End < from.AddDays(7 * MaxWeeksAhead) ? t.End : from.AddDays((7 * MaxWeeksAhead) - 1);

        var sessions = await db.SessionsForAccountAsync(access, account, from, to, time, cancellationToken);
        return new CalendarFeedDto($"School timetable ({account.Email})", zoneId, sessions);
    }
}
