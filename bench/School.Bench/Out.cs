using System.Globalization;

namespace School.Bench;

/// <summary>Console output in the invariant culture, so the figures read the same on every machine.</summary>
internal static class Out
{
    public static void UseInvariantCulture()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    }

    public static void Line(string text) => Console.WriteLine(text);
}
