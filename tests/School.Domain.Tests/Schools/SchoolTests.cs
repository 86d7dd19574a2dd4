using SchoolEntity = School.Domain.Schools.School;

namespace School.Domain.Tests.Schools;

public class SchoolTests
{
    [Fact]
    public void Create_UnknownTimeZone_Throws()
    {
        Assert.Throws<ArgumentException>("timeZoneId", () => SchoolEntity.Create(A.Id(), "Ada Lovelace Academy", "Europe/Atlantis"));
    }

    [Fact]
    public void Create_NoTimeZoneGiven_KeepsTheDayInEuropeLondon()
    {
        var school = SchoolEntity.Create(A.Id(), "Ada Lovelace Academy");

        Assert.Equal("Europe/London", school.TimeZoneId);
    }

    [Fact]
    public void Create_KnownTimeZone_KeepsTheDayInThatZone()
    {
        var school = SchoolEntity.Create(A.Id(), "Ada Lovelace Academy", "Europe/Dublin");

        Assert.Equal("Europe/Dublin", school.TimeZoneId);
    }

    [Fact]
    public void Create_NameWithSurroundingSpaces_TrimsIt()
    {
        var school = SchoolEntity.Create(A.Id(), "  Ada Lovelace Academy ");

        Assert.Equal("Ada Lovelace Academy", school.Name);
    }
}
