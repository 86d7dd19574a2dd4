namespace School.Domain.Common;

/// <summary>Limits shared by every person's name in the school.</summary>
public static class PersonName
{
    public const int MaxLength = 100;

    public static string Tidy(string value) => value.Trim();

    /// <summary>A name is 1–100 characters once trimmed.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= MaxLength;
}
