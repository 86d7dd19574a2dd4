using School.Domain.Accounts;

namespace School.Domain.Tests.Accounts;

public class UserAccountSecurityStampTests
{
    private static readonly DateTimeOffset _nine = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lock_ChangesTheStampAndMarksTheAccountLocked()
    {
        var account = A.StaffAccount();
        var before = account.SecurityStamp;

        account.Lock(_nine);

        Assert.True(account.IsLocked);
        Assert.NotEqual(before, account.SecurityStamp);
    }

    [Fact]
    public void SetPasswordHash_ChangesTheStamp()
    {
        var account = A.StaffAccount();
        var before = account.SecurityStamp;

        account.SetPasswordHash("another-hash");

        Assert.NotEqual(before, account.SecurityStamp);
    }

    [Fact]
    public void Unlock_AllowsSignInAgainButKeepsTheNewStamp()
    {
        var account = A.StaffAccount();
        account.Lock(_nine);
        var locked = account.SecurityStamp;

        account.Unlock();

        Assert.False(account.IsLocked);
        Assert.Equal(locked, account.SecurityStamp);
    }

    [Fact]
    public void RefreshToken_UsedOnce_IsNoLongerActive()
    {
        var token = RefreshToken.Issue(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "hash", "stamp", _nine, TimeSpan.FromDays(1));

        Assert.True(token.IsActive(_nine));
        token.MarkUsed(_nine.AddMinutes(1));

        Assert.False(token.IsActive(_nine.AddMinutes(1)));
    }

    [Fact]
    public void RefreshToken_PastItsExpiry_IsNotActive()
    {
        var token = RefreshToken.Issue(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "hash", "stamp", _nine, TimeSpan.FromDays(1));

        Assert.False(token.IsActive(_nine.AddDays(1)));
    }
}
