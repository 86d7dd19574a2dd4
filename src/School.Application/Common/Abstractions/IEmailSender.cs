namespace School.Application.Common.Abstractions;

/// <summary>
/// One e-mail to one person. <paramref name="NotificationId"/> names the notification it delivers: it becomes the
/// message's Message-ID, so a mail system that sees the same notification twice can tell it is one message.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string Body, Guid? NotificationId = null);

/// <summary>Sends e-mail: over SMTP when it is configured, else into a folder under the data directory, else not at all.</summary>
public interface IEmailSender
{
    /// <summary>False when this installation sends no e-mail at all (no SMTP server and no pickup folder).</summary>
    bool IsEnabled { get; }

    /// <summary>Sends the message; throws when the server refuses it or cannot be reached (the caller retries later).</summary>
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
