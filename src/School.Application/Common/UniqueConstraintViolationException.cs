namespace School.Application.Common;

/// <summary>
/// Thrown by the persistence layer when a save breaks a unique index (a second student with the same pupil number,
/// a second account with the same email). The API answers 409 with <see cref="Exception.Message"/> as the detail.
/// </summary>
public sealed class UniqueConstraintViolationException : Exception
{
    public UniqueConstraintViolationException() { }

    public UniqueConstraintViolationException(string message) : base(message) { }

    public UniqueConstraintViolationException(string message, Exception innerException) : base(message, innerException) { }
}
