using System.Runtime.CompilerServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace School.Bench;

/// <summary>
/// <c>--quick</c>: generate the school, time detection with a stopwatch and print the figures (seconds).
/// <c>--allocate</c>: time the ranked-choice allocation of 2,300 choosers over 40 options (seconds).
/// <c>--challenges</c>: a 2,300-pupil personal-challenge menu allocated optimally and first-come; both rank distributions and times.
/// <c>--sweep [pairs] [--postgres "Host=…"]</c>: time the daily mentoring sweep on a generated SQLite (or PostgreSQL) database (default 100,000 pairs, and a tenth
/// of that for comparison; minutes). Options: <c>--keep</c>, <c>--profile-sql</c>, <c>--batch-size n</c>, <c>--extra-indexes</c>.
/// Anything else goes to BenchmarkDotNet, e.g. <c>--filter '*'</c> or <c>--filter '*' --job short</c>.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--sweep"))
        {
            return SweepRun.Run(args);
        }

        if (args.Contains("--challenges"))
        {
            return ChallengeAllocationRun.Run();
        }

        if (args.Contains("--allocate"))
        {
            return AllocationRun.Run();
        }

        if (args.Contains("--quick"))
        {
            return QuickRun.Run();
        }

        // Reports go to bench/School.Bench/BenchmarkDotNet.Artifacts (git-ignored) wherever the command is run from,
        // unless --artifacts says otherwise.
        var config = DefaultConfig.Instance;
        if (!args.Contains("--artifacts") && ProjectDirectory() is { } project)
        {
            config = config.WithArtifactsPath(Path.Combine(project, "BenchmarkDotNet.Artifacts"));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }

    private static string? ProjectDirectory([CallerFilePath] string source = "") =>
        Path.GetDirectoryName(source) is { } directory && Directory.Exists(directory) ? directory : null;
}
