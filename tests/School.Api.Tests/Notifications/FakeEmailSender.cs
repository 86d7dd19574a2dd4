using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using School.Application.Common.Abstractions;

namespace School.Api.Tests.Notifications;

/// <summary>
/// An e-mail server for tests: records what it accepted, can refuse the next few messages, can hold the first message
/// until a second one is being sent at the same time, and lets a test await a message by subject.
/// </summary>
public sealed class FakeEmailSender : IEmailSender
{
    private readonly Lock _lock = new();
    private readonly List<EmailMessage> _sent = [];
    private readonly Dictionary<string, TaskCompletionSource<EmailMessage>> _waiting = new(StringComparer.Ordinal);
    private int _failuresLeft;
    private int _calls;
    private int _inFlight;
    private TaskCompletionSource? _overlap;

    public bool IsEnabled => true;

    /// <summary>Every attempt, accepted or refused.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<EmailMessage> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    public int SentWithSubject(string subject) => Sent.Count(m => m.Subject == subject);

    /// <summary>The next <paramref name="count"/> attempts throw, as an unreachable server would.</summary>
    public void FailNext(int count)
    {
        lock (_lock)
        {
            _failuresLeft = count;
        }
    }

    /// <summary>
    /// From now on the first message is held until another is being sent at the same time (at most 30 s); the returned
    /// task completes when two sends overlapped.
    /// </summary>
    public Task ExpectOverlap()
    {
        var overlap = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _overlap, overlap);
        return overlap.Task;
    }

    /// <summary>Completes when a message with <paramref name="subject"/> has been accepted (at once if it already was).</summary>
    public Task<EmailMessage> WaitForAsync(string subject)
    {
        lock (_lock)
        {
            if (_sent.FirstOrDefault(m => m.Subject == subject) is { } sent)
            {
                return Task.FromResult(sent);
            }

            if (!_waiting.TryGetValue(subject, out var waiter))
            {
                waiter = new TaskCompletionSource<EmailMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[subject] = waiter;
            }

            return waiter.Task;
        }
    }

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        lock (_lock)
        {
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                throw new InvalidOperationException("The mail server could not be reached (test).");
            }
        }

        if (Volatile.Read(ref _overlap) is { } overlap)
        {
            if (Interlocked.Increment(ref _inFlight) >= 2)
            {
                overlap.TrySetResult();
            }

            try
            {
                await overlap.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        TaskCompletionSource<EmailMessage>? waiter;
        lock (_lock)
        {
            _sent.Add(message);
            _waiting.Remove(message.Subject, out waiter);
        }

        waiter?.TrySetResult(message);
    }
}

/// <summary>The API with <see cref="FakeEmailSender"/> in place of the real e-mail sender.</summary>
public class FakeEmailFactory : SchoolApiFactory
{
    public FakeEmailSender Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IEmailSender>();
            services.AddSingleton<IEmailSender>(Mail);
        });
    }
}

/// <summary>The API with a running Hangfire server (tests otherwise run jobs themselves) and <see cref="FakeEmailSender"/>.</summary>
public sealed class HangfireServerFactory : FakeEmailFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Hangfire:Server"] = "true";
            return settings;
        }
    }
}
