using BenchmarkDotNet.Attributes;
using School.Domain.Timetabling;

namespace School.Bench;

/// <summary>Clash detection over the generated 2,300-pupil school: the snapshot is built once, outside the measurement.</summary>
[MemoryDiagnoser]
public class ClashDetectionBenchmarks
{
    private TimetableSnapshot? _snapshot;

    [GlobalSetup]
    public void Setup() => _snapshot = SchoolGenerator.Generate().Snapshot;

    [Benchmark(Description = "Detect (2,300 pupils, two-week cycle)")]
    public IReadOnlyList<Clash> Detect() => TimetableClashDetector.Detect(_snapshot!);
}
