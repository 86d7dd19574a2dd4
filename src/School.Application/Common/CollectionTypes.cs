namespace School.Application.Common;

/// <summary>What a list holds, for code that walks types (the date rule, the OpenAPI document).</summary>
public static class CollectionTypes
{
    /// <summary>The item type of an array or list; null for a string, a dictionary (its items are key-value pairs) or anything else.</summary>
    public static Type? ItemType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var item = enumerable?.GetGenericArguments()[0];
        return item is { IsGenericType: true } && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? null : item;
    }
}
