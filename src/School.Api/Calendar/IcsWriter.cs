using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using School.Application.Calendars;

namespace School.Api.Calendar;

/// <summary>
/// Renders a feed as an RFC 5545 calendar: events carry the school's time zone (with its VTIMEZONE), and each event's UID
/// is stable (block, date and child), so a phone updates an event rather than duplicating it.
/// </summary>
internal static class IcsWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(CalendarFeedDto feed, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Next Practice School//Timetable//EN" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(feed.TimeZone, now.UtcDateTime.AddYears(-1), includeHistoricalData: false));
        calendar.AddProperty("X-WR-CALNAME", feed.Name);
        calendar.AddProperty("X-WR-TIMEZONE", feed.TimeZone);

        foreach (var session in feed.Sessions)
        {
            var who = session.StudentName is null ? "" : $"{session.StudentName}: ";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{session.BlockId:N}-{session.Date:yyyyMMdd}{(session.StudentId is { } child ? "-" + child.ToString("N") : "")}@school",
                Summary = who + session.Title,
                Description = string.Join("\n", new[]
                {
                    session.Subject is null ? null : $"Subject: {session.Subject}",
                    $"Kind: {session.Kind}",
                    session.Staff.Count == 0 ? null : "With: " + string.Join(", ", session.Staff.Select(s => s.Name)),
                }.Where(line => line is not null)),
                Location = session.Location is null ? null : string.Join(", ", new[] { session.Location.Name, session.Location.Address }.Where(x => x is not null)),
                DtStart = Local(session.Date, session.Start, feed.TimeZone),
                DtEnd = Local(session.Date, session.End, feed.TimeZone),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC", hasTime: true),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Local(DateOnly date, string hhmm, string tzId)
    {
        var time = hhmm == "24:00" ? new TimeOnly(23, 59) : TimeOnly.ParseExact(hhmm, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new CalDateTime(date, time, tzId);
    }
}
