/**
 * LLM clients that never lose a paid response.
 *
 * <p>Requests are the paper's Batch API lines ({@link org.mcalign.llm.ChatRequest}); they go to
 * an {@link org.mcalign.llm.Endpoint} (OpenAI, one or several vLLM servers, or the
 * {@link org.mcalign.llm.SimulatedServer}) either directly ({@link org.mcalign.llm.DirectRun})
 * or through the OpenAI Batch API ({@link org.mcalign.llm.BatchRun}); every answer is committed
 * to a {@link org.mcalign.llm.ResponseStore} as it arrives, so a rerun asks only for what is
 * missing. {@link org.mcalign.llm.CostEstimate} prices a run before it is sent;
 * {@link org.mcalign.llm.Export} writes JSONL and the paper's CSV.
 *
 * <pre>{@code
 * List<ChatRequest> reqs = ChatRequest.readJsonl(Path.of("all-language-requests.jsonl"));
 * CostEstimate.of(reqs, true);                                   // shows tokens and dollars
 * try (ResponseStore store = ResponseStore.open(Path.of("out/responses.db"))) {
 *   RunResult r = DirectRun.builder(Endpoint.of("http://gpu-1:8000/v1", "http://gpu-2:8000/v1")
 *           .withModel("google/gemma-2-9b-it"), store, "gemma-2-9b")
 *       .concurrency(64).progress(p -> bar.update(p.fraction())).build().run(reqs);
 *   // or: BatchRun.builder(Endpoint.openAi(), store, "gpt-4o").build().run(reqs);
 *   Export.jsonl(store, "gemma-2-9b", Path.of("out/gemma-2-9b.jsonl"));
 *   for (ResponseStore.StoredAnswer a : store.answers("gemma-2-9b")) a.response().text();
 * }
 * }</pre>
 *
 * <p>Offline, {@code SimulatedServer.builder().model(myModel).prompts(PromptCatalog.fromCsv(...)).start()}
 * answers the paper's prompts with a pluggable {@link org.mcalign.llm.SimulatedModel}; its
 * classifier answers {@code ProcessOpinions} tool calls for texts built with
 * {@link org.mcalign.llm.SimulatedText}.
 */
package org.mcalign.llm;
