using NetArchTest.Rules;

namespace School.Architecture.Tests;

internal static class ArchAssert
{
    /// <summary>Fails with the rule and the names of the types that break it.</summary>
    public static void Passes(TestResult result, string rule)
    {
        var failing = result.FailingTypeNames ?? [];
        Assert.True(
            result.IsSuccessful,
            $"{rule}{Environment.NewLine}Types breaking the rule:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", failing)}");
    }

    /// <summary>Fails with a rule checked by reflection and the offending items.</summary>
    public static void NoneBreak(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.ToList();
        Assert.True(
            list.Count == 0,
            $"{rule}{Environment.NewLine}Breaking the rule:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", list)}");
    }
}
