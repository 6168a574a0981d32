import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/api/dispatch';
import { handlers } from '../../../main/api/handlers';
import { Workspace } from '../../../main/api/workspace';
import { apiContract, type Channel } from '../../../shared/contract/api-contract';
import { channelInputs } from '../../../shared/contract/api-inputs';

const dispatch = createDispatcher({ handlers, workspace: new Workspace({}), frontEnd: 'cli', emit: () => undefined });

describe('the dispatcher checks each input against the contract', () => {
  it('accepts nothing but {} (or no input) on a channel that takes none, and names what it refused', async () => {
    expect(await dispatch({ channel: 'app.info', input: {} })).toMatchObject({ ok: true, value: { frontEnd: 'cli' } });
    expect(await dispatch({ channel: 'session.current' })).toEqual({ ok: true, value: null });
    const extra = await dispatch({ channel: 'app.info', input: { verbose: true } });
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ field: '(input)' }] } });
    expect(extra.ok ? '' : extra.error.message).toMatch(/takes no input; remove "verbose"/);
    for (const input of [[], 'x', 7, null]) {
      expect(await dispatch({ channel: 'session.current', input })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
  });

  it('checks a channel with input against its schema, naming the field', async () => {
    const result = await dispatch({ channel: 'setups.get', input: { name: '' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ field: 'name' }] } });
    expect(await dispatch({ channel: 'operation.cancel', input: { operationId: 'not valid!' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it("marks a channel 'none' exactly when api-inputs.ts has no schema for it", () => {
    for (const channel of Object.keys(apiContract) as Channel[]) {
      expect([channel, apiContract[channel].input]).toEqual([channel, Object.hasOwn(channelInputs, channel) ? 'schema' : 'none']);
    }
    expect(Object.keys(channelInputs).filter((c) => !Object.hasOwn(apiContract, c))).toEqual([]);
  });
});
