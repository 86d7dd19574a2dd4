using School.Domain.Students;

namespace School.Domain.Tests.Students;

public class StudentCreateTests
{
    private static readonly DateOnly _dateOfBirth = new(2013, 12, 10);

    [Fact]
    public void Create_LowerCasePupilNumber_StoresItUpperCase()
    {
        var student = Student.Create(A.Id(), A.SchoolId(), " a123x ", "Ada", "Lovelace", _dateOfBirth, 7);

        Assert.Equal("A123X", student.PupilNumber);
    }

    [Fact]
    public void Create_NamesWithSurroundingSpaces_TrimsThem()
    {
        var student = Student.Create(A.Id(), A.SchoolId(), "A123", "  Ada ", " Lovelace  ", _dateOfBirth, 7, preferredName: " Addie ");

        Assert.Equal("Ada", student.GivenName);
        Assert.Equal("Lovelace", student.FamilyName);
        Assert.Equal("Addie", student.PreferredName);
    }

    [Fact]
    public void Create_BlankPreferredName_StoresNoPreferredName()
    {
        var student = Student.Create(A.Id(), A.SchoolId(), "A123", "Ada", "Lovelace", _dateOfBirth, 7, preferredName: "   ");

        Assert.Null(student.PreferredName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("A-123")]
    [InlineData("A 123")]
    [InlineData("123456789012345678901")]
    public void Create_InvalidPupilNumber_Throws(string invalid)
    {
        Assert.Throws<ArgumentException>(
            "pupilNumber", () => Student.Create(A.Id(), A.SchoolId(), invalid, "Ada", "Lovelace", _dateOfBirth, 7));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(14)]
    public void Create_YearGroupOutsideReceptionToThirteen_Throws(int outOfRange)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            "yearGroup", () => Student.Create(A.Id(), A.SchoolId(), "A123", "Ada", "Lovelace", _dateOfBirth, outOfRange));
    }

    [Fact]
    public void Create_NewStudent_HasNoTutorMentorOrGuardians()
    {
        var student = A.Student(A.SchoolId());

        Assert.Null(student.PersonalTutorId);
        Assert.Null(student.MentorId);
        Assert.Empty(student.GuardianLinks);
    }

    [Fact]
    public void UpdateDetails_AnyChange_BumpsVersion()
    {
        var student = A.Student(A.SchoolId());
        var before = student.Version;

        student.UpdateDetails("b456", "Ada", "King", null, _dateOfBirth, 8);

        Assert.Equal(before + 1, student.Version);
        Assert.Equal("B456", student.PupilNumber);
    }

    [Fact]
    public void UpdateDetails_InvalidYearGroup_ThrowsAndKeepsTheStudentUnchanged()
    {
        var student = A.Student(A.SchoolId());

        Assert.Throws<ArgumentOutOfRangeException>(() => student.UpdateDetails("B456", "Ada", "King", null, _dateOfBirth, 14));

        Assert.Equal("A1234", student.PupilNumber);
        Assert.Equal(7, student.YearGroup);
    }
}
