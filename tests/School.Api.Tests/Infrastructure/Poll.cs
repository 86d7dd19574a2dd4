namespace School.Api.Tests.Infrastructure;

/// <summary>
/// Waiting for what another process does (an API instance starting, its Hangfire jobs running), where there is no event
/// to wait on and no fake clock to move: the condition is looked at every 100 ms, within a bound. Time inside the test
/// process always comes from the fake <c>TimeProvider</c>; this is only for other processes.
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="failure"/> when <paramref name="limit"/> passes first.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> failure)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Not within {limit}: {failure()}");
            await Task.Delay(Interval);
        }
    }
}
