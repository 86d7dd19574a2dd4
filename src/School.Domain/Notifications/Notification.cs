using School.Domain.Common;

namespace School.Domain.Notifications;

public enum NotificationKind
{
    CheckInReminder,
    CheckInOverdue,
    MentoringEscalation,
    MentorAssigned,
}

public enum EmailStatus
{
    /// <summary>In-app only (the recipient has no e-mail address).</summary>
    NotNeeded,
    /// <summary>Waiting for the delivery job.</summary>
    Pending,
    Sent,
    /// <summary>Gave up after <see cref="Notification.MaxEmailAttempts"/> attempts.</summary>
    Failed,
}

/// <summary>
/// A message for one person, shown in the app and (when they have an address) e-mailed. It is written in the same
/// transaction as the change that causes it, so it is the outbox too: the delivery job sends pending e-mails and marks
/// them sent. <see cref="Key"/> is unique, so the same event never notifies the same person twice.
/// </summary>
public sealed class Notification : Entity
{
    public const int MaxEmailAttempts = 5;
    public const int MaxKeyLength = 200;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 2000;

    private Notification(Guid id, Guid schoolId, Guid recipientId, NotificationKind kind, string key, string title, string body, DateTimeOffset createdAt)
        : base(id)
    {
        SchoolId = schoolId;
        RecipientId = recipientId;
        Kind = kind;
        Key = key;
        Title = title;
        Body = body;
        CreatedAt = createdAt;
    }

    public Guid SchoolId { get; private set; }

    /// <summary>The person (staff member, student or guardian) it is for.</summary>
    public Guid RecipientId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>What the notification is about, unique (e.g. <c>check-in-reminder:{id}</c>).</summary>
    public string Key { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>The student it concerns, if any.</summary>
    public Guid? StudentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public string? EmailTo { get; private set; }

    public EmailStatus EmailStatus { get; private set; }

    public int EmailAttempts { get; private set; }

    /// <summary>Not before this time is the next attempt made (back-off after a failure).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>A delivery run holds the message until this time; another run leaves it alone meanwhile.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? EmailSentAt { get; private set; }

    public string? LastError { get; private set; }

    public static Notification Create(
        Guid id, Guid schoolId, Guid recipientId, NotificationKind kind, string key, string title, string body, DateTimeOffset at,
        string? emailTo, Guid? studentId = null) =>
        new(id, schoolId, recipientId, kind, Guard.Text(key, nameof(key), MaxKeyLength), Guard.Text(title, nameof(title), MaxTitleLength),
            Guard.Text(body, nameof(body), MaxBodyLength), at)
        {
            StudentId = studentId,
            EmailTo = string.IsNullOrWhiteSpace(emailTo) ? null : emailTo.Trim(),
            EmailStatus = string.IsNullOrWhiteSpace(emailTo) ? EmailStatus.NotNeeded : EmailStatus.Pending,
            NextAttemptAt = string.IsNullOrWhiteSpace(emailTo) ? null : at,
        };

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void EmailSent(DateTimeOffset at)
    {
        EmailStatus = EmailStatus.Sent;
        EmailSentAt = at;
        EmailAttempts++;
        ClaimedUntil = null;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>No e-mail can be sent here (none is configured): the notification stays in the app only.</summary>
    public void EmailNotSent(string reason)
    {
        EmailStatus = EmailStatus.NotNeeded;
        ClaimedUntil = null;
        NextAttemptAt = null;
        LastError = reason.Length > 500 ? reason[..500] : reason;
    }

    /// <summary>A failed attempt: tried again later with a growing back-off, given up after <see cref="MaxEmailAttempts"/>.</summary>
    public void EmailFailed(DateTimeOffset at, string error)
    {
        EmailAttempts++;
        ClaimedUntil = null;
        LastError = error.Length > 500 ? error[..500] : error;
        if (EmailAttempts >= MaxEmailAttempts)
        {
            EmailStatus = EmailStatus.Failed;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = at.AddMinutes(Math.Pow(2, EmailAttempts));
        }
    }
}
