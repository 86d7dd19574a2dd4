using School.Domain.Notifications;
using static School.Api.Tests.Notifications.NotificationsApi;

namespace School.Api.Tests.Notifications;

public sealed class NotificationEndpointTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task List_ShowsOnlyMyOwnNotifications_NewestFirst()
    {
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);
        var older = await factory.NotifyAsync(DemoData.BridgemaryMentorId, studentId: DemoData.BridgemaryStudentId);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var newer = await factory.NotifyAsync(DemoData.BridgemaryMentorId, kind: NotificationKind.MentorAssigned);
        var someoneElses = await factory.NotifyAsync(DemoData.BridgemaryPastoralId);

        var mine = (await mentor.InboxAsync()).ItemIds();
        var theirs = (await pastoral.InboxAsync()).ItemIds();

        Assert.True(mine.IndexOf(newer.Id) >= 0 && mine.IndexOf(newer.Id) < mine.IndexOf(older.Id), "The newer notification comes first.");
        Assert.DoesNotContain(someoneElses.Id, mine);
        Assert.Contains(someoneElses.Id, theirs);
        Assert.DoesNotContain(older.Id, theirs);
        Assert.DoesNotContain(newer.Id, theirs);
    }

    [Fact]
    public async Task List_Item_CarriesWhatTheRecipientNeeds_AndNoDeliveryDetails()
    {
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var notification = await factory.NotifyAsync(DemoData.BridgemaryMentorId, emailTo: "mentor@bridgemary.demo", studentId: DemoData.BridgemaryStudentId);

        var item = (await mentor.InboxAsync()).Items().EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == notification.Id);

        Assert.Equal("CheckInReminder", item.GetProperty("kind").GetString());
        Assert.Equal(notification.Title, item.GetProperty("title").GetString());
        Assert.Equal(notification.Body, item.GetProperty("body").GetString());
        Assert.Equal(DemoData.BridgemaryStudentId, item.GetProperty("studentId").GetGuid());
        Assert.Equal(factory.Time.GetUtcNow(), item.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("readAt").ValueKind);
        Assert.False(item.GetProperty("emailed").GetBoolean());
        Assert.Equal(
            ["body", "createdAt", "emailed", "id", "kind", "readAt", "studentId", "title"],
            item.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_UnreadOnly_ShowsOnlyTheUnread_AndCountsThem()
    {
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);
        await pastoral.ReadEverythingAsync();
        var first = await factory.NotifyAsync(DemoData.BridgemaryPastoralId);
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await factory.NotifyAsync(DemoData.BridgemaryPastoralId);
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await factory.NotifyAsync(DemoData.BridgemaryPastoralId);
        Assert.Equal(HttpStatusCode.OK, (await pastoral.PostAsync(Read(second.Id), null)).StatusCode);

        var unread = await pastoral.InboxAsync("?unreadOnly=true");
        var all = await pastoral.InboxAsync();

        Assert.Equal([third.Id, first.Id], unread.ItemIds());
        Assert.Equal(2, unread.UnreadCount());
        Assert.Equal(2, unread.GetProperty("notifications").GetProperty("totalCount").GetInt32());
        Assert.Contains(second.Id, all.ItemIds());
        Assert.Equal(2, all.UnreadCount());
    }

    [Fact]
    public async Task List_IsPaged_NewestFirst()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var before = (await tutor.InboxAsync()).GetProperty("notifications").GetProperty("totalCount").GetInt32();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            ids.Add((await factory.NotifyAsync(DemoData.BridgemaryTutorId)).Id);
        }

        var page1 = await tutor.InboxAsync("?page=1&pageSize=2");
        var page2 = await tutor.InboxAsync("?page=2&pageSize=2");

        Assert.Equal([ids[2], ids[1]], page1.ItemIds());
        Assert.Equal(ids[0], page2.ItemIds()[0]);
        var paging = page2.GetProperty("notifications");
        Assert.Equal(2, paging.GetProperty("page").GetInt32());
        Assert.Equal(2, paging.GetProperty("pageSize").GetInt32());
        Assert.Equal(before + 3, paging.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?page=0", "page")]
    public async Task List_OutOfRangePaging_Is400(string query, string field)
    {
        using var mentor = await factory.ClientFor(Accounts.Mentor);

        var response = await mentor.GetAsync(Inbox + query);

        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task MarkRead_ReturnsTheItemRead_AndAgainKeepsTheFirstTime()
    {
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var notification = await factory.NotifyAsync(DemoData.BridgemaryMentorId);
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        var readAt = factory.Time.GetUtcNow();

        var first = await mentor.PostAsync(Read(notification.Id), null);
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await mentor.PostAsync(Read(notification.Id), null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var item = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(notification.Id, item.GetProperty("id").GetGuid());
        Assert.Equal(readAt, item.GetProperty("readAt").GetDateTimeOffset());
        Assert.Equal(readAt, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readAt").GetDateTimeOffset());
        Assert.Equal(readAt, (await factory.NotificationAsync(notification.Id)).ReadAt);
    }

    [Fact]
    public async Task MarkRead_SomeoneElsesNotification_Is404_AndLeavesItUnread()
    {
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var theirs = await factory.NotifyAsync(DemoData.BridgemaryPastoralId);

        var response = await mentor.PostAsync(Read(theirs.Id), null);

        await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Null((await factory.NotificationAsync(theirs.Id)).ReadAt);
    }

    [Fact]
    public async Task MarkRead_UnknownId_Is404()
    {
        using var mentor = await factory.ClientFor(Accounts.Mentor);

        var response = await mentor.PostAsync(Read(Guid.NewGuid()), null);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReadAll_MarksOnlyMyUnread_AndSaysHowMany()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        await student.ReadEverythingAsync();
        var mine = new[] { await factory.NotifyAsync(DemoData.BridgemaryStudentId), await factory.NotifyAsync(DemoData.BridgemaryStudentId) };
        var theirs = await factory.NotifyAsync(DemoData.BridgemaryMentorId);

        var response = await student.PostAsync(ReadAll, null);
        var again = await student.PostAsync(ReadAll, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        foreach (var notification in mine)
        {
            Assert.Equal(factory.Time.GetUtcNow(), (await factory.NotificationAsync(notification.Id)).ReadAt);
        }

        Assert.Null((await factory.NotificationAsync(theirs.Id)).ReadAt);
        Assert.Equal(0, (await student.InboxAsync()).UnreadCount());
    }

    [Theory]
    [InlineData("GET", Inbox)]
    [InlineData("POST", ReadAll)]
    [InlineData("POST", Inbox + "/8d1f1b36-3f42-4d2c-9a55-1f0c2b8f1a10/read")]
    public async Task Anonymous_Is401(string method, string path)
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
