namespace School.Domain.Common;

/// <summary>Guards for programming errors: input from users is validated before it reaches the domain.</summary>
public static class Guard
{
    public static string Text(string value, string paramName, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A value is required.", paramName);
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new ArgumentException($"At most {maxLength} characters.", paramName);
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string paramName, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, paramName, maxLength);

    public static int InRange(int value, int min, int max, string paramName) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(paramName, value, $"Between {min} and {max}.");
}
