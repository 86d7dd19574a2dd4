using FluentValidation;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;

namespace School.Application.Accounts;

/// <summary>Optional sign-in to create together with a person (staff, student or guardian).</summary>
public sealed record NewAccount(string Email, string Password)
{
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 128;

    /// <summary>Creates the account for a person of a school, with the password hashed.</summary>
    public UserAccount CreateFor(PersonKind kind, Guid personId, Guid schoolId, IPasswordHasher hasher, TimeProvider time)
    {
        var account = UserAccount.ForSchoolPerson(Common.Ids.New(time), Email, kind, personId, schoolId);
        account.SetPasswordHash(hasher.Hash(Password));
        return account;
    }
}

public sealed class NewAccountValidator : AbstractValidator<NewAccount>
{
    public NewAccountValidator()
    {
        RuleFor(a => a.Email).NotEmpty().MaximumLength(UserAccount.EmailMaxLength).EmailAddress();
        RuleFor(a => a.Password).NotEmpty().Length(NewAccount.PasswordMinLength, NewAccount.PasswordMaxLength);
    }
}
