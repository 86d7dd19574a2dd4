using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using School.Application.Common.Abstractions;
using School.Infrastructure.Storage;

namespace School.Infrastructure.Notifications;

/// <summary>E-mail settings (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The sender shown on every message.</summary>
    public string From { get; set; } = "School <no-reply@school.invalid>";

    /// <summary>SMTP server; when empty no e-mail goes out over the network.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.Auto;

    /// <summary>
    /// Without SMTP, write each message as an .eml file into this folder under the data directory. On by default outside
    /// Production (set <c>Email:PickupDirectory</c> to empty to turn it off).
    /// </summary>
    public string? PickupDirectory { get; set; }
}

internal static class Mime
{
    public static MimeMessage Build(EmailOptions options, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        if (message.NotificationId is { } id)
        {
            mime.MessageId = $"notification-{id:N}@school-api";
        }

        return mime;
    }
}

/// <summary>Sends over SMTP with MailKit.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public bool IsEnabled => true;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.SmtpSecurity, ct);
        if (!string.IsNullOrEmpty(settings.SmtpUsername))
        {
            await client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? string.Empty, ct);
        }

        await client.SendAsync(Mime.Build(settings, message), ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>Writes each message as an .eml file under the data directory (development without an SMTP server).</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, IOptions<StorageOptions> storage) : IEmailSender
{
    public bool IsEnabled => true;

    /// <summary>The folder the messages go to (created on first use).</summary>
    public string Directory => Path.GetDirectoryName(storage.Value.PathFor(Path.Combine(options.Value.PickupDirectory!, "message.eml")))!;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var mime = Mime.Build(options.Value, message);
        // One file per send, even of the same message: a second delivery of one notification would show as a second file.
        var name = (mime.MessageId ?? "message").Replace('@', '_').Replace('<', '_').Replace('>', '_');
        var path = Path.Combine(Directory, $"{name}.{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(path, ct);
    }
}

/// <summary>No e-mail is configured: notifications stay in the app.</summary>
internal sealed class NoEmailSender : IEmailSender
{
    public bool IsEnabled => false;

    public Task SendAsync(EmailMessage message, CancellationToken ct) =>
        throw new InvalidOperationException("No e-mail is configured.");
}
