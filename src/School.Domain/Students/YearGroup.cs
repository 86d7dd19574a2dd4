namespace School.Domain.Students;

/// <summary>
/// English year groups: 0 is Reception, 1–6 primary, 7–11 secondary, 12–13 sixth form.
/// Teaching groups may mix years (grouping is by ability, not age), but each pupil has one year group.
/// </summary>
public static class YearGroup
{
    public const int Reception = 0;
    public const int Min = Reception;
    public const int Max = 13;

    public static bool IsValid(int yearGroup) => yearGroup is >= Min and <= Max;
}

/// <summary>A pupil number is unique within a school (the English UPN is 13 characters); 1–20 letters and digits.</summary>
public static class PupilNumber
{
    public const int MaxLength = 20;

    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Trim().Length <= MaxLength
        && value.Trim().All(char.IsAsciiLetterOrDigit);

    public static string Normalise(string value) => value.Trim().ToUpperInvariant();
}
