import { describe, expect, it } from 'vitest'
import { absoluteRound, isMessageRound, Round, roundDelay, roundGrade } from './hareRounds.ts'

describe('hare round arithmetic', () => {
  it('numbers rounds as iter × 7 + round', () => {
    expect(absoluteRound({ iter: 0, round: Round.NOTIFY })).toBe(7)
    expect(absoluteRound({ iter: 1, round: Round.HARDLOCK })).toBe(8)
    expect(absoluteRound({ iter: 3, round: Round.COMMIT })).toBe(27)
  })

  it('grades an on-time preround message 5 although softlock is two steps on', () => {
    const pre = { iter: 0, round: Round.PREROUND }
    expect(roundDelay({ iter: 0, round: Round.SOFTLOCK }, pre)).toBe(1)
    expect(roundGrade({ iter: 0, round: Round.SOFTLOCK }, pre)).toBe(5)
    expect(roundGrade({ iter: 0, round: Round.PROPOSE }, pre)).toBe(4)
    expect(roundGrade({ iter: 1, round: Round.PROPOSE }, pre)).toBe(0)
  })

  it('grades a propose message by how late it arrived', () => {
    const propose = { iter: 1, round: Round.PROPOSE }
    expect(roundGrade({ iter: 1, round: Round.WAIT1 }, propose)).toBe(5)
    expect(roundGrade({ iter: 1, round: Round.PROPOSE }, propose)).toBe(6)
    expect(roundDelay({ iter: 1, round: Round.COMMIT }, propose)).toBe(3)
  })

  it('knows the rounds in which messages are sent', () => {
    const sending = Object.values(Round).filter(isMessageRound)
    expect(sending).toEqual([Round.PREROUND, Round.PROPOSE, Round.COMMIT, Round.NOTIFY])
  })
})
