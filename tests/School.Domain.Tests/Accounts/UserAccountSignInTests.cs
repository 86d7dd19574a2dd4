using School.Domain.Accounts;

namespace School.Domain.Tests.Accounts;

public class UserAccountSignInTests
{
    private static readonly DateTimeOffset _nine = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecordFailedSignIn_FourFailuresInARow_DoesNotLock()
    {
        var account = A.StaffAccount();

        FailSignIn(account, times: 4, at: _nine);

        Assert.False(account.IsLockedOut(_nine));
        Assert.Null(account.LockedUntil);
    }

    [Fact]
    public void RecordFailedSignIn_FifthFailureInARow_LocksTheAccount()
    {
        var account = A.StaffAccount();

        FailSignIn(account, times: 5, at: _nine);

        Assert.True(account.IsLockedOut(_nine));
    }

    [Fact]
    public void RecordFailedSignIn_FifthFailureInARow_LocksUntilFifteenMinutesLater()
    {
        var account = A.StaffAccount();

        FailSignIn(account, times: 5, at: _nine);

        Assert.Equal(_nine.AddMinutes(15), account.LockedUntil);
    }

    [Fact]
    public void IsLockedOut_OneSecondBeforeFifteenMinutes_IsTrue()
    {
        var account = A.StaffAccount();
        FailSignIn(account, times: 5, at: _nine);

        Assert.True(account.IsLockedOut(_nine + new TimeSpan(0, 14, 59)));
    }

    [Fact]
    public void IsLockedOut_FifteenMinutesAfterTheLock_IsFalse()
    {
        var account = A.StaffAccount();
        FailSignIn(account, times: 5, at: _nine);

        Assert.False(account.IsLockedOut(_nine + new TimeSpan(0, 15, 0)));
    }

    [Fact]
    public void RecordSuccessfulSignIn_BetweenFailures_ResetsTheCount()
    {
        var account = A.StaffAccount();

        FailSignIn(account, times: 4, at: _nine);
        account.RecordSuccessfulSignIn(_nine.AddMinutes(1));
        FailSignIn(account, times: 4, at: _nine.AddMinutes(2));

        Assert.False(account.IsLockedOut(_nine.AddMinutes(2)));
        Assert.Equal(4, account.FailedSignInCount);
    }

    [Fact]
    public void RecordSuccessfulSignIn_RecordsWhenTheUserSignedIn()
    {
        var account = A.StaffAccount();

        account.RecordSuccessfulSignIn(_nine);

        Assert.Equal(_nine, account.LastSignedInAt);
    }

    [Fact]
    public void RecordFailedSignIn_WhileLocked_DoesNotExtendTheLock()
    {
        var account = A.StaffAccount();
        FailSignIn(account, times: 5, at: _nine);

        FailSignIn(account, times: 3, at: _nine.AddMinutes(10));

        Assert.Equal(_nine.AddMinutes(15), account.LockedUntil);
        Assert.False(account.IsLockedOut(_nine.AddMinutes(15)));
    }

    [Fact]
    public void RecordFailedSignIn_FirstFailureAfterTheLockExpires_DoesNotLockAgain()
    {
        var account = A.StaffAccount();
        FailSignIn(account, times: 5, at: _nine);
        var afterLock = _nine.AddMinutes(15);

        account.RecordFailedSignIn(afterLock);

        Assert.False(account.IsLockedOut(afterLock));
        Assert.Equal(1, account.FailedSignInCount);
    }

    [Fact]
    public void RecordFailedSignIn_FiveFailuresAfterTheLockExpires_LocksAgainForFifteenMinutes()
    {
        var account = A.StaffAccount();
        FailSignIn(account, times: 5, at: _nine);
        var afterLock = _nine.AddMinutes(20);

        FailSignIn(account, times: 5, at: afterLock);

        Assert.True(account.IsLockedOut(afterLock));
        Assert.Equal(afterLock.AddMinutes(15), account.LockedUntil);
    }

    [Theory]
    [InlineData(PersonKind.PartnershipLead)]
    [InlineData(PersonKind.InnovationLead)]
    public void ForSchoolPerson_PersonWhoDoesNotBelongToASchool_Throws(PersonKind lead)
    {
        Assert.Throws<ArgumentException>(
            "kind", () => UserAccount.ForSchoolPerson(A.Id(), "lead@example.org", lead, A.Id(), A.SchoolId()));
    }

    [Fact]
    public void ForSchoolPerson_MixedCaseEmail_NormalisesEmailToUpperCase()
    {
        var account = A.StaffAccount("  Grace.Hopper@Example.org ");

        Assert.Equal("GRACE.HOPPER@EXAMPLE.ORG", account.NormalisedEmail);
    }

    [Fact]
    public void ForSchoolPerson_MixedCaseEmail_KeepsTheEmailAsTypedButTrimmed()
    {
        var account = A.StaffAccount("  Grace.Hopper@Example.org ");

        Assert.Equal("Grace.Hopper@Example.org", account.Email);
    }

    private static void FailSignIn(UserAccount account, int times, DateTimeOffset at)
    {
        for (var i = 0; i < times; i++)
        {
            account.RecordFailedSignIn(at);
        }
    }
}
