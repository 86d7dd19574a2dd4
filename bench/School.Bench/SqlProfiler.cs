using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace School.Bench;

/// <summary>
/// <c>--profile-sql</c> for <c>--sweep</c>: times every database command from execution until its reader is closed (so
/// reading the rows is included) and adds the times up by the command's shape (its first statement, with whitespace and
/// repeated parameter lists collapsed). What the sweep spends outside these commands is its own work in .NET: EF's change
/// tracking, materialisation and SQL generation, and the sweep's decisions.
/// </summary>
internal sealed partial class SqlProfiler : DbCommandInterceptor
{
    private const int ShapeLength = 160;

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly ConcurrentDictionary<DbCommand, long> _started = new();

    public bool Enabled { get; set; }

    public void Reset() => _entries.Clear();

    public IReadOnlyList<(string Shape, int Count, TimeSpan Total)> Top(int count) =>
        _entries.Select(e => (e.Key, e.Value.Count, TimeSpan.FromTicks(e.Value.Ticks * TimeSpan.TicksPerSecond / Stopwatch.Frequency)))
            .OrderByDescending(e => e.Item3)
            .Take(count)
            .ToList();

    public TimeSpan Total => TimeSpan.FromTicks(_entries.Values.Sum(e => e.Ticks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Stop(command);
        return base.DataReaderClosing(command, eventData, result);
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Stop(command);
        return base.DataReaderClosingAsync(command, eventData, result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Stop(command);
        return base.DataReaderDisposing(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Start(DbCommand command)
    {
        if (Enabled)
        {
            _started[command] = Stopwatch.GetTimestamp();
        }
    }

    private void Stop(DbCommand command)
    {
        if (!_started.TryRemove(command, out var started))
        {
            return;
        }

        var ticks = Stopwatch.GetTimestamp() - started;
        var shape = Shape(command.CommandText);
        _entries.AddOrUpdate(shape, _ => new Entry(1, ticks), (_, e) => new Entry(e.Count + 1, e.Ticks + ticks));
    }

    private static string Shape(string sql)
    {
        var first = sql.Split(';', 2)[0];
        var collapsed = Whitespace().Replace(first, " ").Trim();
        collapsed = Parameters().Replace(collapsed, "@p…");
        var text = collapsed.Length > ShapeLength ? collapsed[..ShapeLength] + "…" : collapsed;
        return sql.Count(c => c == ';') > 1 ? $"{text} [batch]" : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"@p\d+(, @p\d+)*")]
    private static partial Regex Parameters();

    private readonly record struct Entry(int Count, long Ticks);
}
