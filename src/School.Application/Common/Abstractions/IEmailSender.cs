namespace School.Application.Common.Abstractions;

/// <summary>One e-mail to one person.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends e-mail: over SMTP when it is configured, else into a folder under the data directory, else not at all.</summary>
public interface IEmailSender
{
    /// <summary>False when this installation sends no e-mail at all (no SMTP server and no pickup folder).</summary>
    bool IsEnabled { get; }

    /// <summary>Sends the message; throws when the server refuses it or cannot be reached (the caller retries later).</summary>
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
