using System.Diagnostics;
using System.Globalization;
using School.Domain.Timetabling;

namespace School.Bench;

/// <summary>
/// A figure in seconds: one generation, one cold detection, 30 warm-up detections, then 20 timed detections, each after
/// a full garbage collection (as BenchmarkDotNet does between iterations) so one run's garbage is not billed to the next.
/// </summary>
internal static class QuickRun
{
    private const int WarmUps = 30;
    private const int Runs = 20;

    public static int Run()
    {
        Out.UseInvariantCulture();
        var watch = Stopwatch.StartNew();
        var school = SchoolGenerator.Generate();
        var generated = watch.Elapsed.TotalMilliseconds;
        var shape = ShapeReport.Measure(school);
        ShapeReport.Print(school, shape);
        Out.Line($"Generated in {generated:F0} ms (seed {SchoolGenerator.DefaultSeed}).");
        Out.Line("");

        watch.Restart();
        var clashes = TimetableClashDetector.Detect(school.Snapshot);
        var cold = watch.Elapsed.TotalMilliseconds;

        // Tiered compilation promotes the hot methods over the first calls; let it settle before timing.
        watch.Restart();
        for (var i = 0; i < WarmUps; i++)
        {
            TimetableClashDetector.Detect(school.Snapshot);
        }

        var warmUp = watch.Elapsed.TotalMilliseconds;
        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            watch.Restart();
            var again = TimetableClashDetector.Detect(school.Snapshot);
            times[i] = watch.Elapsed.TotalMilliseconds;
            if (again.Count != clashes.Count)
            {
                Out.Line($"Run {i + 1} found {again.Count} clashes, the first {clashes.Count}: detection is not deterministic.");
                return 1;
            }
        }

        var inOrder = string.Join(" ", times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)));
        Array.Sort(times);
        var median = (times[(Runs / 2) - 1] + times[Runs / 2]) / 2;
        Out.Line("Clash detection (TimetableClashDetector.Detect on the in-memory snapshot; no database):");
        Out.Line($"  pupils {shape.Pupils:N0} (+{school.PartnerStudents.Count} partner-school pupils in the joint project), blocks {shape.Blocks:N0}, block-days {shape.BlockDays:N0}, slots {shape.Slots:N0}");
        Out.Line($"  first (cold) run {cold:F1} ms; {WarmUps} warm-up runs {warmUp / WarmUps:F1} ms each on average");
        Out.Line($"  {Runs} timed runs: min {times[0]:F1} ms, median {median:F1} ms, max {times[^1]:F1} ms");
        Out.Line($"    (in run order, ms: {inOrder})");
        Out.Line($"  clashes found: {clashes.Count}");

        var found = clashes.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        var ok = true;
        foreach (var kind in Enum.GetValues<ClashKind>())
        {
            var expected = school.SeededClashes.GetValueOrDefault(kind);
            var actual = found.GetValueOrDefault(kind);
            ok &= expected == actual;
            Out.Line($"    {kind,-22} {actual,4}   seeded {expected}{(expected == actual ? "" : "   <-- differs")}");
        }

        foreach (var clash in clashes)
        {
            Out.Line($"    - {clash.Kind}: {clash.Message}");
        }

        Out.Line($"{(ok ? "OK: the detector reports exactly the seeded clashes." : "MISMATCH: the detector's clashes differ from the seeded ones.")}");
        return ok ? 0 : 2;
    }
}
