namespace School.Domain.Common;

/// <summary>
/// The asynchronous forms of the <see cref="Result"/> steps, on a result and on a task of one, so a handler chains database
/// reads and domain rules in order: <c>await access.CheckAsync(...).BindAsync(LoadAsync).Map(ToDto)</c>.
/// </summary>
public static class ResultAsync
{
    /// <summary>Runs the next asynchronous step with the value when the result succeeded; otherwise passes the failure on.</summary>
    public static async Task<Result<TOut>> BindAsync<T, TOut>(this Result<T> result, Func<T, Task<Result<TOut>>> next) =>
        result.IsSuccess ? await next(result.Value) : Result<TOut>.Failure(result.Error!);

    /// <summary>Runs the next asynchronous step (which yields no value) with the value when the result succeeded.</summary>
    public static async Task<Result> BindAsync<T>(this Result<T> result, Func<T, Task<Result>> next) =>
        result.IsSuccess ? await next(result.Value) : Result.Failure(result.Error!);

    /// <summary>Runs the next asynchronous step when the result succeeded; otherwise passes the failure on.</summary>
    public static async Task<Result> BindAsync(this Result result, Func<Task<Result>> next) =>
        result.IsSuccess ? await next() : result;

    /// <summary>Runs the next asynchronous step, which yields a value, when the result succeeded.</summary>
    public static async Task<Result<TOut>> BindAsync<TOut>(this Result result, Func<Task<Result<TOut>>> next) =>
        result.IsSuccess ? await next() : Result<TOut>.Failure(result.Error!);

    /// <summary>Turns a success into another value computed asynchronously.</summary>
    public static async Task<Result<TOut>> MapAsync<T, TOut>(this Result<T> result, Func<T, Task<TOut>> map) =>
        result.IsSuccess ? await map(result.Value) : Result<TOut>.Failure(result.Error!);

    /// <summary>Runs an asynchronous side effect with the value when the result succeeded, passing the result on.</summary>
    public static async Task<Result<T>> TapAsync<T>(this Result<T> result, Func<T, Task> action)
    {
        if (result.IsSuccess)
        {
            await action(result.Value);
        }

        return result;
    }

    /// <summary><see cref="Result{T}.Map{TOut}"/> on a result still being computed.</summary>
    public static async Task<Result<TOut>> Map<T, TOut>(this Task<Result<T>> result, Func<T, TOut> map) => (await result).Map(map);

    /// <summary><see cref="Result{T}.Bind{TOut}(Func{T, Result{TOut}})"/> on a result still being computed.</summary>
    public static async Task<Result<TOut>> Bind<T, TOut>(this Task<Result<T>> result, Func<T, Result<TOut>> next) => (await result).Bind(next);

    /// <summary><see cref="Result{T}.Bind(Func{T, Result})"/> on a result still being computed.</summary>
    public static async Task<Result> Bind<T>(this Task<Result<T>> result, Func<T, Result> next) => (await result).Bind(next);

    /// <summary><see cref="Result{T}.Ensure(Func{T, bool}, Error)"/> on a result still being computed.</summary>
    public static async Task<Result<T>> Ensure<T>(this Task<Result<T>> result, Func<T, bool> condition, Error error) =>
        (await result).Ensure(condition, error);

    /// <summary><see cref="Result{T}.Tap"/> on a result still being computed.</summary>
    public static async Task<Result<T>> Tap<T>(this Task<Result<T>> result, Action<T> action) => (await result).Tap(action);

    /// <summary><see cref="Result{T}.Match{TOut}"/> on a result still being computed.</summary>
    public static async Task<TOut> Match<T, TOut>(this Task<Result<T>> result, Func<T, TOut> success, Func<Error, TOut> failure) =>
        (await result).Match(success, failure);

    /// <summary>Runs the next asynchronous step with the value of a result still being computed.</summary>
    public static async Task<Result<TOut>> BindAsync<T, TOut>(this Task<Result<T>> result, Func<T, Task<Result<TOut>>> next) =>
        await (await result).BindAsync(next);

    /// <summary>Runs the next asynchronous step (which yields no value) with the value of a result still being computed.</summary>
    public static async Task<Result> BindAsync<T>(this Task<Result<T>> result, Func<T, Task<Result>> next) =>
        await (await result).BindAsync(next);

    /// <summary>Turns the value of a result still being computed into another value computed asynchronously.</summary>
    public static async Task<Result<TOut>> MapAsync<T, TOut>(this Task<Result<T>> result, Func<T, Task<TOut>> map) =>
        await (await result).MapAsync(map);

    /// <summary>Runs an asynchronous side effect with the value of a result still being computed.</summary>
    public static async Task<Result<T>> TapAsync<T>(this Task<Result<T>> result, Func<T, Task> action) =>
        await (await result).TapAsync(action);

    /// <summary>Runs the next asynchronous step after a result (with no value) still being computed.</summary>
    public static async Task<Result> BindAsync(this Task<Result> result, Func<Task<Result>> next) => await (await result).BindAsync(next);

    /// <summary>Runs the next asynchronous step, which yields a value, after a result (with no value) still being computed.</summary>
    public static async Task<Result<TOut>> BindAsync<TOut>(this Task<Result> result, Func<Task<Result<TOut>>> next) =>
        await (await result).BindAsync(next);
}
