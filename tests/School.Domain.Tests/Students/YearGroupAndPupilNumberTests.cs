using School.Domain.Students;

namespace School.Domain.Tests.Students;

public class YearGroupAndPupilNumberTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(13, true)]
    [InlineData(-1, false)]
    [InlineData(14, false)]
    public void YearGroupIsValid_ReceptionToYearThirteen_AcceptsOnlyZeroToThirteen(int yearGroup, bool expected)
    {
        Assert.Equal(expected, YearGroup.IsValid(yearGroup));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("7")]
    [InlineData("a123b")]
    [InlineData("A12345678901B")]
    [InlineData("ABCDEFGHIJ0123456789")]
    [InlineData(" A123 ")]
    public void PupilNumberIsValid_OneToTwentyLettersOrDigits_IsTrue(string value)
    {
        Assert.True(PupilNumber.IsValid(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCDEFGHIJ0123456789X")]
    [InlineData("A-123")]
    [InlineData("A 123")]
    [InlineData("A_123")]
    [InlineData("É123")]
    public void PupilNumberIsValid_EmptyTooLongOrNotLettersAndDigits_IsFalse(string? value)
    {
        Assert.False(PupilNumber.IsValid(value));
    }
}
